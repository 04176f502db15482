//! Enums whose variants have fixed codes in the dataset format, each declared once: the
//! variants, their codes, `ALL` in order and the lookups both ways come from one list, so a
//! code can never drift from its variant (no parallel arrays, no index lookups).

/// `codes! { pub enum Lane { Breach = "breach", … } }` declares the enum with `ALL`, `CODES`,
/// `code()` and `from_code()`.
macro_rules! codes {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in the order the format lists them.
            pub const ALL: [$name; <[()]>::len(&[$(codes!(@unit $variant)),+])] = [$($name::$variant),+];
            /// Every code, in the same order (for messages that list what is allowed).
            pub const CODES: [&'static str; <[()]>::len(&[$(codes!(@unit $variant)),+])] = [$($code),+];

            /// The variant's code in the dataset format.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The variant a code names.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl $crate::model::codes::Coded for $name {
            const CODES: &'static [&'static str] = &$name::CODES;
            fn from_code(code: &str) -> Option<$name> {
                $name::from_code(code)
            }
        }
    };
    (@unit $x:tt) => { () };
}

pub(crate) use codes;

/// What the validator needs of any coded enum: its codes (to list them) and the lookup.
pub trait Coded: Sized + Copy + 'static {
    const CODES: &'static [&'static str];
    fn from_code(code: &str) -> Option<Self>;
}
