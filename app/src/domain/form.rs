//! A form is declared once: its fields, in the names the page's inputs carry. The declaration
//! makes the struct a server function receives flattened (`#[server(flatten)]`), the page's
//! validator reads and the parse functions take, and `typed()`, what was typed, given back with
//! a refusal so nothing is lost.

/// `form! { Name { required, … } optional { … } lists { … } }`: `required` fields must be in
/// the post, `optional` ones may be left out (unticked, empty), and `lists` are checkbox groups
/// (posted as `name[]`), given back comma-joined.
macro_rules! form {
    (
        $(#[$doc:meta])*
        $name:ident {
            $($(#[$rdoc:meta])* $required:ident,)*
        }
        optional { $($(#[$odoc:meta])* $optional:ident,)* }
        lists { $($(#[$ldoc:meta])* $list:ident,)* }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $($(#[$rdoc])* pub $required: String,)*
            $($(#[$odoc])* #[serde(default)] pub $optional: String,)*
            $($(#[$ldoc])* #[serde(default)] pub $list: Vec<String>,)*
        }

        impl $name {
            /// What was typed, to give back with the errors (checkbox choices comma-joined).
            pub fn typed(&self) -> crate::error::FieldErrors {
                let mut errors = crate::error::FieldErrors::default();
                $(errors.keep(stringify!($required), &self.$required);)*
                $(errors.keep(stringify!($optional), &self.$optional);)*
                $(errors.keep(stringify!($list), &self.$list.join(","));)*
                errors
            }
        }
    };
}
