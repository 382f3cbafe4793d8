//! URL helpers: the site a URL belongs to, whether a value is an http(s) URL, and
//! whether a site rule covers a site.
//!
//! A port of `cleaner/urls.py`, which reads URLs with Python's
//! `urllib.parse.urlsplit` (as of Python 3.11.4; 3.12 and 3.13 read them alike):
//! Python's `str.strip()` first, then urlsplit strips leading C0 controls and
//! spaces, drops every tab, CR and LF, takes a scheme of ASCII letters, digits and
//! `+-.` that starts with a letter (in any case), and refuses a netloc with an
//! unmatched bracket, a bracketed host that is no IPv6 address (or IPvFuture), or
//! non-ASCII text whose NFKC form holds a URL delimiter. The host is the netloc
//! after the last `@`, without the port; Python lower-cases it (but not an IPv6
//! zone). The port is never checked: `.hostname` does not read it.

use unicode_normalization::UnicodeNormalization;

use crate::normalize::is_space;

/// Why urlsplit refuses a URL (its ValueError).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUrl;

/// The parts of a URL the helpers read: its scheme (lower case) and netloc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub scheme: String,
    pub netloc: String,
}

/// The host of `url` in lower case without a trailing dot or a leading `www.`;
/// None for a URL urlsplit refuses or one without a host.
pub fn site_of(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let parts = urlsplit(py_strip(url)).ok()?;
    let host = hostname(&parts.netloc)?.to_lowercase();
    let host = host.trim_end_matches('.');
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// True for an absolute http(s) URL with a host.
pub fn is_http_url(value: &str) -> bool {
    urlsplit(py_strip(value)).is_ok_and(|parts| {
        matches!(parts.scheme.as_str(), "http" | "https") && hostname(&parts.netloc).is_some()
    })
}

/// True when `site` is one of `patterns` or a subdomain of one.
pub fn site_matches<P: AsRef<str>>(site: Option<&str>, patterns: &[P]) -> bool {
    let Some(site) = site.filter(|site| !site.is_empty()) else {
        return false;
    };
    patterns.iter().any(|pattern| {
        let pattern = pattern.as_ref();
        site == pattern
            || site
                .strip_suffix(pattern)
                .is_some_and(|head| head.ends_with('.'))
    })
}

/// Python's `str.strip()`: whitespace (`str.isspace`) off both ends.
fn py_strip(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// `urllib.parse.urlsplit(url)`'s scheme and netloc, or its ValueError.
pub fn urlsplit(url: &str) -> Result<UrlParts, InvalidUrl> {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let (scheme, rest) = split_scheme(&url);
    let mut netloc = "";
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        netloc = &after[..end];
        check_brackets(netloc)?;
    }
    check_netloc(netloc)?;
    Ok(UrlParts {
        scheme,
        netloc: netloc.to_string(),
    })
}

/// The scheme (lower case) and the rest, when the URL opens with one; else ("", url).
fn split_scheme(url: &str) -> (String, &str) {
    let Some(colon) = url.find(':') else {
        return (String::new(), url);
    };
    let scheme = &url[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if is_scheme {
        (scheme.to_ascii_lowercase(), &url[colon + 1..])
    } else {
        (String::new(), url)
    }
}

/// urlsplit's bracket checks: both brackets or neither, and the first bracketed
/// part an IPv6 address or an IPvFuture one.
fn check_brackets(netloc: &str) -> Result<(), InvalidUrl> {
    match (netloc.find('['), netloc.contains(']')) {
        (None, false) => Ok(()),
        (Some(open), true) => {
            let bracketed = &netloc[open + 1..];
            let host = bracketed.split(']').next().unwrap_or("");
            if is_bracketed_host(host) {
                Ok(())
            } else {
                Err(InvalidUrl)
            }
        }
        _ => Err(InvalidUrl),
    }
}

/// `_check_bracketed_host`: `v<hex>.<anything>`, or an address `ipaddress.ip_address`
/// reads as IPv6 (an IPv4 one is refused in brackets, and never reads as IPv6).
fn is_bracketed_host(host: &str) -> bool {
    match host.strip_prefix('v') {
        Some(future) => {
            let hex = future.bytes().take_while(u8::is_ascii_hexdigit).count();
            hex > 0
                && future[hex..]
                    .strip_prefix('.')
                    .is_some_and(|s| !s.is_empty())
        }
        None => is_ipv6(host),
    }
}

/// `_checknetloc`: a non-ASCII netloc whose NFKC form (without `@:#?`) gains any of
/// `/?#@:` is refused, as IDNA would read it as a different URL.
fn check_netloc(netloc: &str) -> Result<(), InvalidUrl> {
    if netloc.is_ascii() {
        return Ok(());
    }
    let plain: String = netloc
        .chars()
        .filter(|c| !matches!(c, '@' | ':' | '#' | '?'))
        .collect();
    let normal: String = plain.nfkc().collect();
    if normal != plain && normal.contains(['/', '?', '#', '@', ':']) {
        Err(InvalidUrl)
    } else {
        Ok(())
    }
}

/// `SplitResult.hostname`: the host of a netloc, lower case up to an IPv6 zone's
/// `%`; None when it is empty.
pub fn hostname(netloc: &str) -> Option<String> {
    let hostinfo = netloc.rsplit_once('@').map_or(netloc, |(_, after)| after);
    let host = match hostinfo.split_once('[') {
        Some((_, bracketed)) => bracketed.split(']').next().unwrap_or(""),
        None => hostinfo.split(':').next().unwrap_or(""),
    };
    if host.is_empty() {
        return None;
    }
    Some(match host.split_once('%') {
        Some((address, zone)) => format!("{}%{zone}", address.to_lowercase()),
        None => host.to_lowercase(),
    })
}

/// Whether `ipaddress.IPv6Address` takes the text: up to eight hextets of one to four
/// hex digits, one `::` at most, an IPv4 address for the last two, and an optional
/// non-empty `%zone`.
fn is_ipv6(text: &str) -> bool {
    if text.contains('/') {
        return false;
    }
    let address = match text.split_once('%') {
        Some((address, zone)) if !zone.is_empty() && !zone.contains('%') => address,
        Some(_) => return false,
        None => text,
    };
    if address.is_empty() {
        return false;
    }
    let mut parts: Vec<&str> = address.split(':').collect();
    if parts.len() < 3 {
        return false;
    }
    let last = parts[parts.len() - 1];
    if last.contains('.') {
        if !is_ipv4(last) {
            return false;
        }
        parts.pop();
        parts.extend(["0", "0"]); // the two hextets it stands for, both valid
    }
    hextets_fit(&parts) && parts.iter().filter(|p| !p.is_empty()).all(|p| is_hextet(p))
}

/// `_ip_int_from_string`'s layout checks on the `:`-separated parts: at most nine,
/// one inner empty part (`::`) at most, empty ends only as part of a `::`, and eight
/// hextets in all once `::` stands for at least one.
fn hextets_fit(parts: &[&str]) -> bool {
    const HEXTETS: usize = 8;
    let count = parts.len();
    if count > HEXTETS + 1 {
        return false;
    }
    let inner_empty: Vec<usize> = (1..count - 1).filter(|&i| parts[i].is_empty()).collect();
    let (first_empty, last_empty) = (parts[0].is_empty(), parts[count - 1].is_empty());
    match inner_empty[..] {
        [] => count == HEXTETS && !first_empty && !last_empty,
        [skip] => {
            let mut high = skip;
            let mut low = count - skip - 1;
            if first_empty {
                high -= 1;
                if high > 0 {
                    return false;
                }
            }
            if last_empty {
                low -= 1;
                if low > 0 {
                    return false;
                }
            }
            high + low < HEXTETS
        }
        _ => false,
    }
}

/// `_parse_hextet`: one to four ASCII hex digits.
fn is_hextet(part: &str) -> bool {
    (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `ipaddress.IPv4Address` takes the text: four decimal octets up to 255,
/// no leading zeros.
fn is_ipv4(text: &str) -> bool {
    let octets: Vec<&str> = text.split('.').collect();
    octets.len() == 4 && octets.iter().all(|octet| is_octet(octet))
}

fn is_octet(octet: &str) -> bool {
    !octet.is_empty()
        && octet.len() <= 3
        && octet.bytes().all(|b| b.is_ascii_digit())
        && (octet == "0" || !octet.starts_with('0'))
        && octet.parse::<u16>().is_ok_and(|n| n <= 255)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites() {
        let site = |url: &str| site_of(url);
        assert_eq!(
            site("https://www.Example.COM/a").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site("  http://user:pw@news.example.org:8080/x  ").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(site("http://example.com./").as_deref(), Some("example.com"));
        assert_eq!(site("//example.com/a").as_deref(), Some("example.com"));
        assert_eq!(site("HTTP://WWW.X.DE").as_deref(), Some("x.de"));
        assert_eq!(site("http://www./").as_deref(), Some("www"));
        assert_eq!(site("http://.../").as_deref(), Some(""));
        assert_eq!(site("example.com/a"), None);
        assert_eq!(site(""), None);
        assert_eq!(site("http:///path"), None);
        assert_eq!(site("http://user@:80/"), None);
    }

    #[test]
    fn ports_are_not_checked() {
        assert_eq!(
            site_of("http://example.com:abc/").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site_of("http://example.com:99999").as_deref(),
            Some("example.com")
        );
        assert!(is_http_url("http://example.com:abc/"));
    }

    #[test]
    fn whitespace_and_controls() {
        assert_eq!(
            site_of("\u{a0}\u{1c}http://a.com\u{3000}").as_deref(),
            Some("a.com")
        );
        assert_eq!(site_of("\u{0}\u{7}http://a.com").as_deref(), Some("a.com"));
        assert_eq!(site_of("ht\ttp://a.\nco\rm").as_deref(), Some("a.com"));
        // A trailing control is no whitespace: it stays in the host.
        assert_eq!(site_of("http://a.com\u{0}").as_deref(), Some("a.com\u{0}"));
        assert!(is_http_url(" \n https://a.com "));
    }

    #[test]
    fn ipv6_hosts() {
        assert_eq!(site_of("http://[::1]:8080/").as_deref(), Some("::1"));
        assert_eq!(
            site_of("http://[FE80::1%25EtH0]/").as_deref(),
            Some("fe80::1%25eth0")
        );
        assert_eq!(
            site_of("http://[::ffff:1.2.3.4]/").as_deref(),
            Some("::ffff:1.2.3.4")
        );
        assert_eq!(site_of("http://[v1.x]/").as_deref(), Some("v1.x"));
        assert_eq!(site_of("http://[::1/"), None);
        assert_eq!(site_of("http://::1]/"), None);
        assert_eq!(site_of("http://[1.2.3.4]/"), None);
        assert_eq!(site_of("http://[example.com]/"), None);
        assert_eq!(site_of("http://[v.x]/"), None);
        assert!(!is_http_url("http://[::1/"));
        assert!(is_http_url("http://[::1]"));
    }

    #[test]
    fn the_zone_keeps_its_case_in_the_hostname() {
        assert_eq!(hostname("[FE80::1%EtH0]").as_deref(), Some("fe80::1%EtH0"));
        assert_eq!(hostname("u:p@Host:1").as_deref(), Some("host"));
        assert_eq!(hostname("x[::1]").as_deref(), Some("::1"));
        assert_eq!(hostname(""), None);
    }

    #[test]
    fn ipv6_addresses() {
        for good in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6::8",
            "1::8",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "fe80::1%eth0",
        ] {
            assert!(is_ipv6(good), "{good}");
        }
        for bad in [
            "",
            ":",
            "::1::",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            ":1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:",
            "1::2:3:4:5:6:7:8",
            "12345::",
            "g::",
            "::1.2.3",
            "::01.2.3.4",
            "::256.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1%",
            "::1%a%b",
            "1.2.3.4",
        ] {
            assert!(!is_ipv6(bad), "{bad}");
        }
    }

    #[test]
    fn nfkc_delimiters_are_refused() {
        // U+2100 ACCOUNT OF is "a/c" under NFKC; U+FF1A FULLWIDTH COLON is ":".
        assert_eq!(site_of("http://\u{2100}.com/"), None);
        assert_eq!(site_of("http://a\u{ff1a}b.com/"), None);
        assert_eq!(
            site_of("http://b\u{fc}cher.de/").as_deref(),
            Some("b\u{fc}cher.de")
        );
        assert!(!is_http_url("http://\u{2100}.com/"));
    }

    #[test]
    fn schemes() {
        assert!(is_http_url("HTTPS://a.com"));
        assert!(!is_http_url("ftp://a.com"));
        assert!(!is_http_url("1http://a.com"));
        assert!(!is_http_url("mailto:a@b.com"));
        assert!(!is_http_url("http:/a.com"));
        assert!(!is_http_url("http://"));
        assert_eq!(urlsplit("h+t.t-p:x").unwrap().scheme, "h+t.t-p");
        assert_eq!(urlsplit("ä:x").unwrap().scheme, "");
    }

    #[test]
    fn hosts_lower_case_as_python_does() {
        assert_eq!(
            site_of("http://\u{130}.com").as_deref(),
            Some("i\u{307}.com")
        );
        // A final sigma ends a word; "." is case-ignorable, so "Σ.g" ends none.
        assert_eq!(site_of("http://ΑΣ-gr").as_deref(), Some("ας-gr"));
        assert_eq!(site_of("http://ΑΣ.gr").as_deref(), Some("ασ.gr"));
    }

    #[test]
    fn site_rules_cover_subdomains() {
        let patterns = ["example.com", "news.org"];
        assert!(site_matches(Some("example.com"), &patterns));
        assert!(site_matches(Some("a.b.example.com"), &patterns));
        assert!(!site_matches(Some("badexample.com"), &patterns));
        assert!(!site_matches(Some("example.com.evil"), &patterns));
        assert!(!site_matches(None, &patterns));
        assert!(!site_matches(Some(""), &[""]));
        assert!(site_matches(Some("x."), &[""]));
        assert!(!site_matches::<&str>(Some("example.com"), &[]));
    }
}
