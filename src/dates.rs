//! Placeholder until the date parser lands.
pub fn parse_date(value: &str) -> Option<String> {
    Some(value.to_string())
}
