//! Enums stored as short stable codes, independent of their Rust names and their labels.

macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        stored_as_code!($name);
    };
}

/// Teaches `sqlx::Any` a type stored as text, on both backends: `|this| to_text` makes the stored
/// text, `|text| from_text` reads it back (`None` for text this build cannot read, which is a
/// decode error naming the value, never a silent default). Server-only: the browser build has no
/// sqlx.
macro_rules! stored_as_text {
    ($name:ident, |$this:ident| $to_text:expr, |$text:ident| $from_text:expr) => {
        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }

            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let $this = self;
                <String as sqlx::Encode<'q, sqlx::Any>>::encode(String::from($to_text), buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                // Through `String`: `&str`'s decode panics on a value the driver owns.
                let $text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                let read: Option<$name> = $from_text;
                read.ok_or_else(|| {
                    format!(concat!("not a stored ", stringify!($name), ": {:?}"), $text).into()
                })
            }
        }
    };
}

/// A type with `code()` and `from_code()` is stored as its code.
macro_rules! stored_as_code {
    ($name:ident) => {
        stored_as_text!($name, |this| this.code(), |text| $name::from_code(&text));
    };
}
