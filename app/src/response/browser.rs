pub fn set_status(_status: u16) {}

pub fn content_security_policy() {}
