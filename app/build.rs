//! `sqlx::migrate!` embeds the migration files it finds when the crate compiles; this makes a new
//! file (not only an edited one) rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=tests/migrations");
}
