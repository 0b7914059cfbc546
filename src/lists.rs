//! Lists without bullets: consecutive lines built alike.
//!
//! A tour's dates, a season's calendar or a results table, dumped to plain text, lose their
//! bullets and their table; what still marks them as one list is that every line opens the same
//! way: `June 9 – West Palm Beach, FL`, `June 10 – Tampa, FL`; `1a etapa: 10 de março`,
//! `2a etapa: 8 de abril`. That opening, up to the first separator (a dash, a colon, `@` or `|`),
//! written as its shape (letters `a`, digits `9`, one space for any run of white space,
//! punctuation as it is), is a line's [`lead_shape`]. Only shapes holding a number count: dates,
//! ranks and scores are what such lists are made of, while headlines and menu items rarely open
//! alike with one.

/// The most characters before the separator that a lead may hold.
const MAX_LEAD_CHARS: usize = 24;

/// The most characters a shape may hold: a few words and numbers.
const MAX_SHAPE_CHARS: usize = 8;

/// The shape of the opening of `text`, up to and including its first separator, when that
/// opening is short and holds a number (see the module documentation).
pub fn lead_shape(text: &str) -> Option<String> {
    let mut shape = String::new();
    let mut previous = None;
    for (n, c) in text.trim_start().chars().enumerate() {
        if n > MAX_LEAD_CHARS {
            return None;
        }
        let is_separator = matches!(c, '–' | '—' | ':' | '：' | '@' | '|')
            || (c == '-' && previous.is_some_and(char::is_whitespace));
        let class = if c.is_alphabetic() {
            'a'
        } else if c.is_numeric() {
            '9'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        let previous_class = shape.chars().next_back();
        if !(matches!(class, 'a' | '9' | ' ') && previous_class == Some(class)) {
            shape.push(class);
        }
        if shape.chars().count() > MAX_SHAPE_CHARS {
            return None;
        }
        if is_separator {
            return shape.contains('9').then_some(shape);
        }
        previous = Some(c);
    }
    None
}

/// The runs of at least `min_len` consecutive `texts` that share a [`lead_shape`], as index
/// ranges, in order.
pub fn shaped_runs<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    min_len: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut count = 0;
    for (i, text) in texts.into_iter().enumerate() {
        count = i + 1;
        let shape = lead_shape(text);
        match (&current, shape) {
            (Some((_, run_shape)), Some(shape)) if *run_shape == shape => continue,
            (_, shape) => {
                if let Some((start, _)) = current.take()
                    && i - start >= min_len
                {
                    runs.push(start..i);
                }
                current = shape.map(|s| (i, s));
            }
        }
    }
    if let Some((start, _)) = current
        && count - start >= min_len
    {
        runs.push(start..count);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_with_numbers_have_shapes() {
        assert_eq!(
            lead_shape("June 9 – West Palm Beach, FL").as_deref(),
            Some("a 9 –")
        );
        assert_eq!(lead_shape("June 10 -- Tampa, FL").as_deref(), Some("a 9 -"));
        assert_eq!(
            lead_shape("1a etapa: 10 de março").as_deref(),
            Some("9a a:")
        );
        assert_eq!(
            lead_shape("12a etapa: 9 de dezembro").as_deref(),
            Some("9a a:")
        );
        assert_eq!(lead_shape("3월 5일 - 서울").as_deref(), Some("9a 9a -"));
    }

    #[test]
    fn leads_without_numbers_or_separators_have_none() {
        assert_eq!(lead_shape("Related: more stories"), None);
        assert_eq!(
            lead_shape("A headline about 2020 without a separator"),
            None
        );
        assert_eq!(lead_shape("Well-known facts"), None);
        assert_eq!(
            lead_shape("In 2019 the company, its owners and its many lenders agreed: no"),
            None
        );
    }

    #[test]
    fn runs_of_lines_opening_alike_are_found() {
        let lines = [
            "Tour dates",
            "June 9 – West Palm Beach, FL",
            "June 10 – Tampa, FL",
            "July 2 – Uncasville, CT",
            "Read more: 5 things",
            "1a etapa: Interlagos",
            "2a etapa: Curitiba",
        ];
        assert_eq!(shaped_runs(lines, 3), vec![1..4]);
        assert_eq!(shaped_runs(lines, 2), vec![1..4, 5..7]);
    }
}
