//! Offset pagination as a stream of every item over all pages.

use std::collections::HashSet;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};

use futures_core::Stream;
use futures_util::stream;
use serde::Serialize;

use super::error::Error;

/// The most pages one stream fetches; a server that never ends a listing stops there
/// (10,000 pages of 100 items is far beyond any real listing).
const MAX_PAGES: usize = 10_000;

/// One page of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// The total number of items over all pages, when the server reports it.
    pub total: Option<i64>,
}

/// Every item over all pages, starting at `start_offset`.
///
/// `fetch_page(offset)` fetches the page starting at `offset`; the next offset is the
/// previous one plus the number of items received. The stream ends after the last page:
/// an empty page, or, when the server reports a total, once the offset reaches it (a
/// server may serve fewer items than asked for, so then a short page does not end the
/// walk); when it reports none, a short page (shorter than `page_size`, or than the first
/// page when `page_size` is `None`). It never loops forever and never stops silently
/// early: after a fetch error, a page identical to any earlier one (a server ignoring the
/// offset), an offset that cannot advance (past `i64::MAX`), or 10,000 pages, it yields
/// one error and ends.
pub fn paginate<'a, T, F, Fut>(
    start_offset: i64,
    page_size: Option<i64>,
    fetch_page: F,
) -> impl Stream<Item = Result<T, Error>> + Send + 'a
where
    F: FnMut(i64) -> Fut + Send + 'a,
    Fut: Future<Output = Result<Page<T>, Error>> + Send + 'a,
    T: Serialize + Send + 'a,
{
    let pages = Pages {
        fetch_page,
        offset: Some(start_offset),
        page_size: page_size
            .filter(|size| *size > 0)
            .and_then(|size| usize::try_from(size).ok()),
        fetched: 0,
        seen: HashSet::new(),
        items: Vec::new().into_iter(),
        finished: false,
    };
    stream::unfold(pages, |mut pages| async move {
        let item = pages.next_item().await?;
        Some((item, pages))
    })
}

/// The state of a listing being walked.
struct Pages<T, F> {
    fetch_page: F,
    /// The offset of the next page; `None` once it would pass `i64::MAX`.
    offset: Option<i64>,
    page_size: Option<usize>,
    fetched: usize,
    /// The fingerprints of the pages received.
    seen: HashSet<u64>,
    items: std::vec::IntoIter<T>,
    finished: bool,
}

impl<T, F, Fut> Pages<T, F>
where
    F: FnMut(i64) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
    T: Serialize,
{
    /// The next item, fetching pages as needed; `None` after the last.
    async fn next_item(&mut self) -> Option<Result<T, Error>> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            if self.finished {
                return None;
            }
            if let Err(error) = self.fetch_next_page().await {
                self.finished = true;
                return Some(Err(error));
            }
        }
    }

    /// Fetches the page at the current offset and decides whether it is the last.
    async fn fetch_next_page(&mut self) -> Result<(), Error> {
        let Some(offset) = self.offset else {
            return Err(pagination_error(
                "the offset cannot advance past i64::MAX; the server reports more items than an \
                 offset can address"
                    .to_owned(),
            ));
        };
        if self.fetched >= MAX_PAGES {
            return Err(pagination_error(format!(
                "fetched {MAX_PAGES} pages without reaching the last one (offset {offset})"
            )));
        }
        let page = (self.fetch_page)(offset).await?;
        self.fetched += 1;
        let count = page.items.len();
        if count == 0 {
            self.finished = true;
            return Ok(());
        }
        if let Some(fingerprint) = fingerprint(&page.items) {
            if !self.seen.insert(fingerprint) {
                return Err(pagination_error(format!(
                    "the page at offset {offset} repeats an earlier page; the server seems to \
                     ignore the offset"
                )));
            }
        }
        let next = i64::try_from(count)
            .ok()
            .and_then(|count| offset.checked_add(count));
        self.finished = match page.total {
            Some(total) => next.is_none_or(|next| next >= total),
            None => count < *self.page_size.get_or_insert(count),
        };
        self.offset = next;
        self.items = page.items.into_iter();
        Ok(())
    }
}

/// A pagination error with this message.
fn pagination_error(message: String) -> Error {
    Error::Pagination { message }
}

/// A hash of the items' JSON, to recognise a page served twice; `None` if they do not encode.
fn fingerprint<T: Serialize>(items: &[T]) -> Option<u64> {
    let json = serde_json::to_vec(items).ok()?;
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    Some(hasher.finish())
}
