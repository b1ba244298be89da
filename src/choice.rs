//! Fields with a fixed set of values (a check-in's places and flags, the
//! health context): each spells itself for the command line and JSON, has
//! words for sentences, and keeps its position for the store.

/// A check-in field with a fixed set of values.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order declared. The store keeps a value as its
    /// position here (`store::choices`), so values are only ever added at the
    /// end.
    const ALL: &'static [Self];

    /// The spelling used on the command line and in JSON.
    fn name(self) -> &'static str;
}

/// Declares a field enum with its JSON/CLI spelling and the sentence word.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal / $words:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                self.as_str()
            }
        }

        impl $name {
            /// The spelling used on the command line and in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The words used in sentences.
            pub fn words(self) -> &'static str {
                match self { $($name::$variant => $words),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let all = <$name as $crate::choice::Choice>::ALL;
                all.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    let allowed: Vec<&str> = all.iter().map(|v| v.as_str()).collect();
                    format!("expected one of {}", allowed.join(", "))
                })
            }
        }
    };
}

pub(crate) use choice;
