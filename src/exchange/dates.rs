//! Dates between the memory's RFC 3339 (`2026-11-29T10:00:00Z`) and TMX's
//! compact ISO 8601 form (`20261129T100000Z`).

/// The TMX form of a memory date, or `None` when the memory's date is not a
/// valid RFC 3339 time (then the attribute is left out).
pub fn to_tmx(rfc3339: &str) -> Option<String> {
    let t = humantime::parse_rfc3339_weak(rfc3339).ok()?;
    let canonical = humantime::format_rfc3339_seconds(t).to_string();
    Some(
        canonical
            .chars()
            .filter(|&c| c != '-' && c != ':')
            .collect(),
    )
}

/// The memory form of a TMX date. Other tools write `20261129T100000Z` as
/// the standard says, but also `2026-11-29T10:00:00Z` or no `Z`; any of
/// these with fourteen digits is read as UTC. `None` for anything else.
pub fn from_tmx(tmx: &str) -> Option<String> {
    let digits: String = tmx.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 14
        || tmx
            .chars()
            .any(|c| !(c.is_ascii_digit() || "-:TZ".contains(c)))
    {
        return None;
    }
    let d = |a: usize, b: usize| &digits[a..b];
    let text = format!(
        "{}-{}-{}T{}:{}:{}Z",
        d(0, 4),
        d(4, 6),
        d(6, 8),
        d(8, 10),
        d(10, 12),
        d(12, 14)
    );
    humantime::parse_rfc3339(&text).ok()?;
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        assert_eq!(
            to_tmx("2026-11-29T10:04:05Z").as_deref(),
            Some("20261129T100405Z")
        );
        assert_eq!(
            from_tmx("20261129T100405Z").as_deref(),
            Some("2026-11-29T10:04:05Z")
        );
        assert_eq!(
            from_tmx("2026-11-29T10:04:05Z").as_deref(),
            Some("2026-11-29T10:04:05Z")
        );
        assert_eq!(from_tmx("20261329T100405Z"), None);
        assert_eq!(from_tmx("yesterday"), None);
        assert_eq!(to_tmx("not a date"), None);
    }
}
