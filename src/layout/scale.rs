//! Scales from data to pixels, and the ticks that label them.

use crate::model::date::{civil_from_days, days_from_civil, days_in_month};

/// Days (since 1970-01-01 in the story's calendar) to x pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub d0: f64,
    pub d1: f64,
    pub x0: f64,
    pub x1: f64,
}

impl TimeScale {
    pub fn new(d0: f64, d1: f64, x0: f64, x1: f64) -> TimeScale {
        // A zero-length domain would divide by zero: widen it to one day.
        let d1 = if d1 > d0 { d1 } else { d0 + 1.0 };
        TimeScale { d0, d1, x0, x1 }
    }
    pub fn x(&self, day: f64) -> f64 {
        self.x0 + (day - self.d0) / (self.d1 - self.d0) * (self.x1 - self.x0)
    }
    pub fn day(&self, x: f64) -> f64 {
        self.d0 + (x - self.x0) / (self.x1 - self.x0) * (self.d1 - self.d0)
    }
    pub fn px_per_day(&self) -> f64 {
        (self.x1 - self.x0) / (self.d1 - self.d0)
    }
}

/// The unit a tick stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Day,
    Month,
    Year,
}

/// One tick on a time axis: where, and what it marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeTick {
    pub day: i64,
    pub year: i32,
    pub month: u32,
    pub dom: u32,
    pub unit: TickUnit,
    /// True where the label must show the year: the first tick and where the year changes.
    pub shows_year: bool,
}

/// Steps tried in order, smallest first (a constant table, as Observable Plot does).
const STEPS: [(TickUnit, u32); 13] = [
    (TickUnit::Day, 1),
    (TickUnit::Day, 2),
    (TickUnit::Day, 7),
    (TickUnit::Day, 14),
    (TickUnit::Month, 1),
    (TickUnit::Month, 2),
    (TickUnit::Month, 3),
    (TickUnit::Month, 6),
    (TickUnit::Year, 1),
    (TickUnit::Year, 2),
    (TickUnit::Year, 5),
    (TickUnit::Year, 10),
    (TickUnit::Year, 20),
];

fn approx_days(unit: TickUnit, n: u32) -> f64 {
    f64::from(n)
        * match unit {
            TickUnit::Day => 1.0,
            TickUnit::Month => 30.44,
            TickUnit::Year => 365.25,
        }
}

/// Ticks for a time scale, at least `min_gap` px apart, on calendar boundaries (days, first of
/// the month, 1 January). Works for spans from a day to centuries.
pub fn time_ticks(scale: &TimeScale, min_gap: f64) -> Vec<TimeTick> {
    let ppd = scale.px_per_day().abs().max(1e-9);
    let (unit, n) = STEPS
        .iter()
        .copied()
        .find(|&(u, n)| approx_days(u, n) * ppd >= min_gap)
        .unwrap_or((TickUnit::Year, 50));
    let first = scale.d0.ceil() as i64;
    let last = scale.d1.floor() as i64;
    let (y0, m0, _) = civil_from_days(first);
    let mut ticks = Vec::new();
    let mut push = |day: i64, unit: TickUnit| {
        if day >= first && day <= last {
            let (year, month, dom) = civil_from_days(day);
            ticks.push(TimeTick {
                day,
                year,
                month,
                dom,
                unit,
                shows_year: false,
            });
        }
    };
    match unit {
        TickUnit::Day => {
            // Weekly and fortnightly ticks fall on the 1st and every n days after, per month, so
            // they stay on round dates ("1 Jun, 8 Jun, …").
            let mut day = first;
            while day <= last {
                let (y, m, dom) = civil_from_days(day);
                // Skip a tick that would crowd the next month's 1st (29 Jun before 1 Jul).
                let crowds_next = n > 1 && dom != 1 && dom + n / 2 > days_in_month(y, m);
                if (dom - 1) % n == 0 && !crowds_next {
                    push(day, TickUnit::Day);
                }
                day += 1;
            }
        }
        TickUnit::Month => {
            let (mut y, mut m) = (y0, m0);
            loop {
                let day = days_from_civil(y, m, 1);
                if day > last {
                    break;
                }
                if (m - 1) % n == 0 {
                    push(day, TickUnit::Month);
                }
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        TickUnit::Year => {
            let mut y = y0;
            loop {
                let day = days_from_civil(y, 1, 1);
                if day > last {
                    break;
                }
                if y.rem_euclid(n as i32) == 0 {
                    push(day, TickUnit::Year);
                }
                y += 1;
            }
        }
    }
    let mut prev_year = None;
    for t in &mut ticks {
        t.shows_year = prev_year != Some(t.year) || t.unit == TickUnit::Year;
        prev_year = Some(t.year);
    }
    ticks
}

/// Values to pixels, linearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub v0: f64,
    pub v1: f64,
    pub p0: f64,
    pub p1: f64,
}

impl LinearScale {
    pub fn px(&self, v: f64) -> f64 {
        if self.v1 == self.v0 {
            return self.p0;
        }
        self.p0 + (v - self.v0) / (self.v1 - self.v0) * (self.p1 - self.p0)
    }
}

/// Values to pixels on a base-10 log scale, so 4,536 and 37.5 million are both readable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    /// Powers of ten at either end, e.g. 3 (1,000) and 8 (100 million).
    pub e0: i32,
    pub e1: i32,
    pub p0: f64,
    pub p1: f64,
}

impl LogScale {
    /// The smallest decade range that holds every value (values below 1, a count of 0 among
    /// them, sit at 1, so they stay on the chart).
    pub fn covering(values: &[u64], p0: f64, p1: f64) -> LogScale {
        let lo = values.iter().map(|v| (*v).max(1)).min().unwrap_or(1);
        let hi = values.iter().copied().max().unwrap_or(10).max(lo);
        let e0 = (lo as f64).log10().floor() as i32;
        let mut e1 = (hi as f64).log10().ceil() as i32;
        if e1 <= e0 {
            e1 = e0 + 1;
        }
        LogScale { e0, e1, p0, p1 }
    }
    pub fn px(&self, v: u64) -> f64 {
        let l = (v.max(1) as f64).log10();
        self.p0 + (l - f64::from(self.e0)) / f64::from(self.e1 - self.e0) * (self.p1 - self.p0)
    }
    /// One tick per power of ten.
    pub fn ticks(&self) -> Vec<u64> {
        (self.e0.max(0)..=self.e1.min(18))
            .map(|e| 10u64.pow(e as u32))
            .collect()
    }
}
