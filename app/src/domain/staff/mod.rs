//! What an administrator types about the council's teams and staff: checked the same way in the
//! browser and on the server.

pub mod account_form;
pub mod team_name;
