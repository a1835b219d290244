//! Long lists a page at a time: a team's families, its closed cases. A page costs the same
//! whether the team holds fifty families or five hundred, and stays small on a phone.

use serde::{Deserialize, Serialize};

/// Lines on one page of a long list.
pub const PAGE_SIZE: u32 = 25;

/// Which page of a list is shown, and how many there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    /// From 1.
    pub number: u32,
    pub pages: u32,
    /// Lines in the whole list.
    pub total: u32,
}

impl Paging {
    /// The page asked for, kept within the pages there are: a link made before the list shrank
    /// shows its last page, and one with no page or page 0 the first.
    pub fn of(asked: Option<u32>, total: u32) -> Paging {
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        Paging {
            number: asked.unwrap_or(1).clamp(1, pages),
            pages,
            total,
        }
    }

    /// Lines before this page.
    pub fn offset(self) -> u32 {
        (self.number - 1) * PAGE_SIZE
    }

    /// The first and last line shown, counted from 1; `None` for an empty list.
    pub fn shown(self) -> Option<(u32, u32)> {
        (self.total > 0).then(|| {
            let first = self.offset() + 1;
            (first, (first + PAGE_SIZE - 1).min(self.total))
        })
    }

    pub fn previous(self) -> Option<u32> {
        (self.number > 1).then(|| self.number - 1)
    }

    pub fn next(self) -> Option<u32> {
        (self.number < self.pages).then(|| self.number + 1)
    }
}

/// The page number a query string holds: anything but a number is the first page.
pub fn asked_page(text: Option<&str>) -> Option<u32> {
    text.and_then(|t| t.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_line_once() {
        let total = 2 * PAGE_SIZE + 3;
        let mut seen = Vec::new();
        let mut page = Paging::of(None, total);
        loop {
            let (first, last) = page.shown().expect("lines");
            seen.extend(first..=last);
            match page.next() {
                Some(n) => page = Paging::of(Some(n), total),
                None => break,
            }
        }
        assert_eq!(seen, (1..=total).collect::<Vec<_>>());
        assert_eq!(page.pages, 3);
        assert_eq!(page.previous(), Some(2));
    }

    #[test]
    fn pages_outside_the_list_show_its_ends() {
        assert_eq!(Paging::of(Some(0), 10).number, 1);
        assert_eq!(Paging::of(Some(99), 60).number, 3);
        let empty = Paging::of(Some(4), 0);
        assert_eq!((empty.number, empty.pages, empty.shown()), (1, 1, None));
        assert_eq!(empty.next(), None);
    }

    #[test]
    fn only_numbers_ask_for_a_page() {
        assert_eq!(asked_page(Some("3")), Some(3));
        assert_eq!(asked_page(Some("-1")), None);
        assert_eq!(asked_page(Some("three")), None);
        assert_eq!(asked_page(None), None);
    }
}
