//! Pages of results, and walking all of them.

use std::collections::HashSet;

use serde::Deserialize;

/// Where a page sits among the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Pagination {
    /// Whether another page follows.
    #[serde(default)]
    pub has_next_page: bool,
    /// The cursor that asks for the next page.
    #[serde(default)]
    pub next_page_cursor: Option<String>,
    /// The URL of the next page, as Seam gives it.
    #[serde(default)]
    pub next_page_url: Option<String>,
}

/// One page of results and its [`Pagination`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The results on this page.
    pub items: Vec<T>,
    /// Where it sits among the others.
    pub pagination: Pagination,
}

impl<T> Page<T> {
    /// Builds a page.
    pub fn new(items: Vec<T>, pagination: Pagination) -> Self {
        Self { items, pagination }
    }

    /// The cursor of the next page, when there is one.
    pub fn next_cursor(&self) -> Option<&str> {
        if self.pagination.has_next_page {
            self.pagination.next_page_cursor.as_deref()
        } else {
            None
        }
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The cursors a walk through pages has been given, to end it when the server
/// gives one again (A → B → A would otherwise loop for ever).
///
/// The first [`Self::REMEMBERED`] cursors are kept, which catches any repeat among
/// them at once; past that, memory stays bounded and Brent's cycle detection
/// (one cursor kept, compared with each new one, replaced at powers of two) still
/// catches a loop of any length within twice its length.
#[derive(Debug, Default)]
pub(crate) struct CursorHistory {
    remembered: HashSet<String>,
    checkpoint: Option<String>,
    since_checkpoint: u64,
    next_checkpoint: u64,
}

impl CursorHistory {
    const REMEMBERED: usize = 1_000;

    /// Records `cursor`; `false` when it was given before.
    pub(crate) fn is_new(&mut self, cursor: &str) -> bool {
        if self.remembered.contains(cursor) || self.checkpoint.as_deref() == Some(cursor) {
            return false;
        }
        if self.remembered.len() < Self::REMEMBERED {
            self.remembered.insert(cursor.to_owned());
            return true;
        }
        self.since_checkpoint += 1;
        if self.since_checkpoint >= self.next_checkpoint {
            self.checkpoint = Some(cursor.to_owned());
            self.since_checkpoint = 0;
            self.next_checkpoint = self.next_checkpoint.saturating_mul(2).max(1);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many cursors a walk takes before it is stopped, for a server whose
    /// cursors run `lead` new ones then cycle through `cycle` others.
    fn cursors_until_stopped(lead: usize, cycle: usize) -> usize {
        let mut history = CursorHistory::default();
        let cursor = |n: usize| {
            let n = if n < lead {
                n
            } else {
                lead + (n - lead) % cycle
            };
            format!("c{n}")
        };
        (0..).find(|&n| !history.is_new(&cursor(n))).unwrap()
    }

    #[test]
    fn a_short_loop_ends_at_its_first_repeat() {
        assert_eq!(cursors_until_stopped(0, 1), 1);
        assert_eq!(cursors_until_stopped(0, 2), 2);
        assert_eq!(cursors_until_stopped(5, 3), 8);
        assert_eq!(cursors_until_stopped(990, 9), 999);
    }

    #[test]
    fn a_loop_past_what_is_remembered_still_ends() {
        for (lead, cycle) in [(1_000, 1), (1_000, 7), (5_000, 3_000), (0, 50_000)] {
            let taken = cursors_until_stopped(lead, cycle);
            let entered = lead.max(CursorHistory::REMEMBERED);
            assert!(taken <= entered + 3 * cycle + 2, "{lead} {cycle}: {taken}");
        }
    }

    #[test]
    fn distinct_cursors_are_never_taken_for_a_loop() {
        let mut history = CursorHistory::default();
        assert!((0..100_000).all(|n| history.is_new(&format!("c{n}"))));
        assert!(history.remembered.len() <= CursorHistory::REMEMBERED);
    }
}
