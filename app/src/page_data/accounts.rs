//! Accounts as an administrator manages them: no case content.

use crate::domain::ids::AccountId;
use crate::domain::role::StaffRole;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: AccountId,
    pub display_name: String,
    pub login: String,
    pub role: StaffRole,
    pub team_name: Option<String>,
    pub disabled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsOverview {
    pub authority_name: String,
    pub staff: Vec<StaffAccount>,
    /// Family members' accounts are counted, not listed: their names are case content.
    pub family_accounts: i64,
}
