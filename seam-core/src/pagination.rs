//! Pages of results, and walking all of them.

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
