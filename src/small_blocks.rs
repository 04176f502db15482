//! The wasm's allocator: lol_alloc's free-list allocator (kilobytes smaller than the default),
//! with freed small blocks kept by size in front of it. lol_alloc searches its one free list on
//! every allocation and every free, and a dataset of thousands of events (each with its strings)
//! leaves that list long: in Chromium, laying out 10,000 events spent most of its time there.
//! Here a small block is reused, or kept for reuse, in constant time, and the list holds only
//! larger ones. Small blocks once freed stay for blocks of their size (never coalesced): a page's
//! explainer holds little of that.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// Small blocks are whole multiples of this many bytes (and aligned to it).
const STEP: usize = 16;
/// How many sizes are kept: blocks up to `STEP * SIZES` bytes.
const SIZES: usize = 32;

/// `A`, with freed blocks of up to 512 bytes kept in a list per size. Not thread-safe (the
/// wasm's one thread; see `AssumeSingleThreaded` where it is installed).
pub struct SmallBlocks<A> {
    inner: A,
    /// For each size, the last block freed; each free block holds the one freed before it.
    free: UnsafeCell<[*mut u8; SIZES]>,
}

impl<A> SmallBlocks<A> {
    pub const fn new(inner: A) -> Self {
        SmallBlocks {
            inner,
            free: UnsafeCell::new([core::ptr::null_mut(); SIZES]),
        }
    }
}

/// The size list a layout's blocks belong to, if it is small.
fn size_class(layout: Layout) -> Option<usize> {
    if layout.align() > STEP || layout.size() > STEP * SIZES {
        return None;
    }
    Some(layout.size().max(1).div_ceil(STEP) - 1)
}

// SAFETY: every block handed out for a size class is `STEP`-aligned and `(class + 1) * STEP`
// bytes (at least the layout asked for, and room for the pointer a free block holds), from the
// inner allocator; a block goes back to the list of the class its layout names, which is the
// class it came from (callers free with the layout they allocated with). Callers of a global
// allocator on one thread never run these concurrently.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = size_class(layout) else {
            return self.inner.alloc(layout);
        };
        let heads = &mut *self.free.get();
        let head = heads[class];
        if head.is_null() {
            let block = Layout::from_size_align_unchecked((class + 1) * STEP, STEP);
            return self.inner.alloc(block);
        }
        heads[class] = *(head as *mut *mut u8);
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match size_class(layout) {
            Some(class) => {
                let heads = &mut *self.free.get();
                *(ptr as *mut *mut u8) = heads[class];
                heads[class] = ptr;
            }
            None => self.inner.dealloc(ptr, layout),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    #[test]
    fn small_blocks_are_aligned_reused_and_never_overlap() {
        let a = SmallBlocks::new(System);
        let mut live: Vec<(usize, usize, Layout)> = Vec::new();
        for round in 0..2000usize {
            let size = 1 + (round * 37) % 700;
            let align = [1, 2, 4, 8, 16][round % 5];
            let layout = Layout::from_size_align(size, align).unwrap();
            let p = unsafe { a.alloc(layout) };
            assert!(!p.is_null() && (p as usize).is_multiple_of(align));
            unsafe { p.write_bytes(0xAB, size) };
            for &(q, n, _) in &live {
                assert!(
                    p as usize + size <= q || q + n <= p as usize,
                    "blocks overlap"
                );
            }
            live.push((p as usize, size, layout));
            if round % 3 == 0 {
                let (q, _, l) = live.remove((round * 7) % live.len());
                unsafe { a.dealloc(q as *mut u8, l) };
            }
        }
        // A freed small block is the next one of its size handed out.
        let l = Layout::from_size_align(40, 8).unwrap();
        let p = unsafe { a.alloc(l) };
        unsafe { a.dealloc(p, l) };
        assert_eq!(
            unsafe { a.alloc(Layout::from_size_align(33, 4).unwrap()) },
            p
        );
    }
}
