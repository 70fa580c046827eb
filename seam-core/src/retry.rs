//! When to try a request again, and how long to wait first.

use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

/// How failed requests are retried: exponential backoff with jitter, honouring the
/// server's `Retry-After`, within the request's timeout.
///
/// Always retried: a connection that failed before the request was sent, and the
/// answers 429 and 503 (the server refused the work). Retried only for idempotent
/// endpoints: 502, 504, and a request that reached the server but got no answer
/// (or one that is not HTTP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, waiting about 0.5 s then 1 s, never more than 10 s.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// At most `attempts` attempts in all (at least 1).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry; each further retry waits twice as long.
    #[must_use]
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The longest wait between attempts, `Retry-After` included.
    #[must_use]
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// How many attempts at most.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait after failed attempt number `attempt` (1-based): the server's
    /// `Retry-After` when it gave one, else an exponential backoff with jitter between
    /// half and all of it; never above the maximum.
    pub(crate) fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let delay = retry_after.unwrap_or_else(|| {
            let exponential = self
                .initial_backoff
                .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
            let capped = exponential.min(self.max_backoff);
            capped / 2 + capped.mul_f64(random_unit() / 2.0)
        });
        delay.min(self.max_backoff)
    }
}

/// Why an attempt failed, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Nothing reached the server.
    NotSent,
    /// The server refused the work without doing it (429, 503).
    Refused,
    /// The server may have done the work (502, 504, a lost answer).
    MaybeDone,
    /// Retrying cannot help (4xx, other 5xx, an answer that is not Seam's).
    Final,
}

impl Failure {
    pub(crate) fn of_status(status: u16) -> Self {
        match status {
            429 | 503 => Self::Refused,
            502 | 504 => Self::MaybeDone,
            _ => Self::Final,
        }
    }

    pub(crate) fn is_retryable(self, idempotent: bool) -> bool {
        match self {
            Self::NotSent | Self::Refused => true,
            Self::MaybeDone => idempotent,
            Self::Final => false,
        }
    }
}

/// Reads `Retry-After`: whole seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate_to_unix(value)?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    Some(Duration::from_secs(at).saturating_sub(now))
}

/// Parses the IMF-fixdate form of an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`),
/// the one RFC 9110 says senders use. A field out of its range (an hour of 24, a
/// year past 9999) makes it no date, rather than a wait computed by overflow.
fn httpdate_to_unix(value: &str) -> Option<u64> {
    let mut parts = value.split_ascii_whitespace();
    let _weekday = parts.next()?;
    let day: u64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts
        .next()?
        .split(':')
        .map(|part| part.parse::<u64>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    let in_range = (1..=31).contains(&day)
        && (1970..=9999).contains(&year)
        && hour <= 23
        && minute <= 59
        // 60: a leap second.
        && second <= 60;
    if parts.next()? != "GMT" || clock.next().is_some() || !in_range {
        return None;
    }
    // Days since the epoch, by the civil-from-days algorithm run backwards. With
    // the fields in range, nothing here comes near overflowing.
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = (era * 146_097 + day_of_era).checked_sub(719_468)?;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// A number in [0, 1) that differs between calls, for jitter; the standard
/// library's randomly seeded hasher is enough for spreading retries apart.
fn random_unit() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        for _ in 0..100 {
            let first = policy.delay(1, None);
            assert!((Duration::from_millis(50)..=Duration::from_millis(100)).contains(&first));
            let second = policy.delay(2, None);
            assert!((Duration::from_millis(100)..=Duration::from_millis(200)).contains(&second));
            assert!(policy.delay(30, None) <= Duration::from_millis(350));
        }
    }

    #[test]
    fn retry_after_wins_but_is_capped() {
        let policy = RetryPolicy::default().max_backoff(Duration::from_secs(5));
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(60))),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(
            httpdate_to_unix("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(httpdate_to_unix("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            httpdate_to_unix("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400)
        );
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    /// An IMF-fixdate with any numbers in its fields, in range or not.
    fn any_date() -> impl Strategy<Value = String> {
        let month = proptest::sample::select(vec![
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]);
        (
            any::<u64>(),
            month,
            any::<u64>(),
            any::<u64>(),
            any::<u64>(),
            any::<u64>(),
        )
            .prop_map(|(day, month, year, hour, minute, second)| {
                format!("Sun, {day:02} {month} {year} {hour:02}:{minute:02}:{second:02} GMT")
            })
    }

    /// A date whose fields are near their limits and beyond.
    fn edgy_date() -> impl Strategy<Value = String> {
        let field = |edges: Vec<u64>| prop_oneof![proptest::sample::select(edges), any::<u64>()];
        (
            field(vec![0, 1, 28, 29, 31, 32, 99]),
            field(vec![
                1969,
                1970,
                2026,
                9999,
                10_000,
                584_554_049_253,
                u64::MAX / 400,
            ]),
            field(vec![0, 23, 24, 99]),
            field(vec![0, 59, 60, 99]),
            field(vec![0, 59, 60, 61, 99]),
        )
            .prop_map(|(day, year, hour, minute, second)| {
                format!("Sun, {day:02} Feb {year} {hour:02}:{minute:02}:{second:02} GMT")
            })
    }

    fn assert_capped(value: &str) {
        let policy = RetryPolicy::default().max_backoff(Duration::from_secs(7));
        let retry_after = parse_retry_after(value);
        assert!(
            policy.delay(1, retry_after) <= Duration::from_secs(7),
            "{value}"
        );
    }

    proptest! {
        #[test]
        fn any_retry_after_text_is_read_without_panic_and_capped(value in any::<String>()) {
            assert_capped(&value);
        }

        #[test]
        fn any_retry_after_date_is_read_without_panic_and_capped(value in any_date()) {
            assert_capped(&value);
        }

        #[test]
        fn dates_at_the_edges_are_read_without_panic_and_capped(value in edgy_date()) {
            assert_capped(&value);
        }
    }

    #[test]
    fn dates_out_of_range_are_refused() {
        for value in [
            "Sun, 06 Nov 99999999999999 08:49:37 GMT",
            "Sun, 06 Nov 18446744073709551615 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 18446744073709551615:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:61 GMT",
            "Sun, 06 Nov 1994 08:49:18446744073709551615 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(httpdate_to_unix(value), None, "{value}");
        }
        // A leap second and the last year of the range are dates.
        assert_eq!(
            httpdate_to_unix("Sat, 31 Dec 2016 23:59:60 GMT"),
            Some(1_483_228_800)
        );
        assert!(httpdate_to_unix("Fri, 31 Dec 9999 23:59:59 GMT").is_some());
    }

    #[test]
    fn which_failures_are_retried() {
        for (failure, plain, idempotent) in [
            (Failure::NotSent, true, true),
            (Failure::of_status(429), true, true),
            (Failure::of_status(503), true, true),
            (Failure::of_status(502), false, true),
            (Failure::of_status(504), false, true),
            (Failure::MaybeDone, false, true),
            (Failure::of_status(500), false, false),
            (Failure::of_status(400), false, false),
        ] {
            assert_eq!(failure.is_retryable(false), plain, "{failure:?}");
            assert_eq!(failure.is_retryable(true), idempotent, "{failure:?}");
        }
    }

    #[test]
    fn none_makes_one_attempt() {
        assert_eq!(RetryPolicy::none().attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }
}
