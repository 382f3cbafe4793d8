//! Placeholder until the url helpers land.
pub fn site_of(url: &str) -> Option<String> {
    url.split("//").nth(1).map(|rest| {
        rest.split('/')
            .next()
            .unwrap_or("")
            .trim_start_matches("www.")
            .to_lowercase()
    })
}
pub fn is_http_url(value: &str) -> bool {
    value.starts_with("http://") || value.starts_with("https://")
}
pub fn site_matches(site: Option<&str>, patterns: &[String]) -> bool {
    let Some(site) = site else { return false };
    !site.is_empty()
        && patterns
            .iter()
            .any(|p| site == p || site.ends_with(&format!(".{p}")))
}
