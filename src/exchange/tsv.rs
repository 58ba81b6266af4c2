//! Reading tab-separated spreadsheets of old translations, a row at a time.
//!
//! The first row names the language of each column (`en`, `ru-RU`, `KK`),
//! and may name an `id` column. Fields may be quoted as spreadsheets save
//! them (`"a ""quoted"" text"`, with tabs or line breaks inside); a field
//! whose quotes do not delimit it that way is text as written (`"Yes," he
//! said.`).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::position::line_column;
use super::{is_tm_id, ExchangeError, Item, SkipReason, Tally, UnitSource};
use crate::memory::Unit;
use crate::Lang;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Text(Lang),
    Id,
    Ignored,
}

/// A TSV file being read (see the module header).
pub struct TsvReader<R: BufRead> {
    input: R,
    path: PathBuf,
    file_name: String,
    columns: Vec<Column>,
    /// Text columns skipped (other languages, repeated ones), for the tally.
    ignored: Vec<(usize, String)>,
    source: Lang,
    now: String,
    tally: Tally,
    /// Bytes read so far.
    offset: u64,
    /// Bytes of the records returned so far: where `pending` starts.
    consumed: u64,
    /// Text read but not yet returned in a record (whole lines).
    pending: String,
    /// `pending` holds no `"` before this index.
    quote_free_until: usize,
    rows: usize,
    line_buf: Vec<u8>,
}

impl TsvReader<BufReader<File>> {
    /// Opens the TSV file at `path` and reads its header row.
    pub fn open(path: &Path, now: &str) -> Result<Self, ExchangeError> {
        TsvReader::new(super::open_buffered(path)?, path, now)
    }
}

impl<R: BufRead> TsvReader<R> {
    /// Reads TSV from `input`; `path` names it in messages.
    pub fn new(input: R, path: &Path, now: &str) -> Result<Self, ExchangeError> {
        let mut me = TsvReader {
            input,
            path: path.to_path_buf(),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            columns: Vec::new(),
            ignored: Vec::new(),
            source: Lang::En,
            now: now.to_string(),
            tally: Tally::default(),
            offset: 0,
            consumed: 0,
            pending: String::new(),
            quote_free_until: 0,
            rows: 0,
            line_buf: Vec::new(),
        };
        let header = me
            .record()?
            .ok_or_else(|| me.file_error("empty file: no header row"))?;
        let mut seen = Vec::new();
        for (i, cell) in header.iter().enumerate() {
            let cell = cell.trim();
            let column = if cell.eq_ignore_ascii_case("id") {
                Column::Id
            } else {
                match Lang::from_tag(cell) {
                    Some(l) if !seen.contains(&l) => {
                        seen.push(l);
                        Column::Text(l)
                    }
                    _ => {
                        me.ignored.push((i, cell.to_string()));
                        Column::Ignored
                    }
                }
            };
            me.columns.push(column);
        }
        if seen.len() < 2 {
            return Err(me.file_error(&format!(
                "the header row must name the language of at least two columns (en, ru, kk; \
                 e.g. \"en<TAB>ru<TAB>kk\"), found {:?}",
                header.iter().map(|c| c.trim()).collect::<Vec<_>>()
            )));
        }
        me.source = if seen.contains(&Lang::En) {
            Lang::En
        } else {
            seen[0]
        };
        Ok(me)
    }

    fn file_error(&self, message: &str) -> ExchangeError {
        ExchangeError::File {
            path: self.path.clone(),
            message: message.to_string(),
        }
    }

    fn error_at(&self, offset: u64, message: String) -> ExchangeError {
        let (line, column) = line_column(&self.path, offset);
        ExchangeError::At {
            path: self.path.clone(),
            line,
            column,
            message,
        }
    }

    /// Reads one physical line and appends it to `pending`; false at the
    /// end of input.
    fn read_line(&mut self) -> Result<bool, ExchangeError> {
        self.line_buf.clear();
        let n = self
            .input
            .read_until(b'\n', &mut self.line_buf)
            .map_err(|source| ExchangeError::Io {
                path: self.path.clone(),
                action: "reading",
                source,
            })?;
        let start = self.offset;
        let mut skipped_bom = 0;
        if start == 0 && self.line_buf.starts_with(b"\xEF\xBB\xBF") {
            self.line_buf.drain(..3);
            skipped_bom = 3;
            self.consumed += 3;
        } else if start == 0
            && (self.line_buf.starts_with(b"\xFF\xFE") || self.line_buf.starts_with(b"\xFE\xFF"))
        {
            return Err(
                self.file_error("UTF-16 text; save the spreadsheet as UTF-8 tab-separated text")
            );
        }
        self.offset += n as u64;
        match std::str::from_utf8(&self.line_buf) {
            Ok(line) => self.pending.push_str(line),
            Err(e) => {
                let at = start + skipped_bom + e.valid_up_to() as u64;
                return Err(self.error_at(at, "invalid UTF-8 (save the file as UTF-8)".into()));
            }
        }
        Ok(n > 0)
    }

    /// The next record's fields, or `None` at the end.
    ///
    /// A field is quote-delimited only as spreadsheets write it: it starts
    /// with `"`, every `"` inside is doubled, and the closing `"` ends the
    /// field (a tab, a line break or the end of the file follows). Such a
    /// field may hold tabs and line breaks. Any other field is plain text up
    /// to the next tab or line break, quotation marks and all: news text
    /// starts fields with quotations (`"Yes," he said.`) and quotations run
    /// over paragraphs without closing.
    fn record(&mut self) -> Result<Option<Vec<String>>, ExchangeError> {
        if self.pending.is_empty() && !self.read_line()? {
            return Ok(None);
        }
        let mut fields = Vec::new();
        let mut pos = 0;
        loop {
            let field = match self.quoted_field(pos)? {
                Some((text, end)) => {
                    pos = end;
                    text
                }
                None => {
                    let rest = &self.pending[pos..];
                    let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
                    let text = rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]);
                    let text = text.to_string();
                    pos += end;
                    text
                }
            };
            fields.push(field);
            let rest = &self.pending[pos..];
            if rest.starts_with('\t') {
                pos += 1;
                continue;
            }
            // A line break, or the end of the file; anything else after a
            // closing quote was ruled out by `quoted_field`.
            pos += if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with(['\n', '\r']))
            };
            break;
        }
        self.pending.drain(..pos);
        self.quote_free_until = self.quote_free_until.saturating_sub(pos);
        self.consumed += pos as u64;
        Ok(Some(fields))
    }

    /// The quote-delimited field starting at `pos` of `pending`, with the
    /// position just after its closing quote; `None` when the field there
    /// is not one (see [`TsvReader::record`]). Reads further lines as the
    /// field needs them, at most [`MAX_QUOTED`] bytes ahead.
    fn quoted_field(&mut self, pos: usize) -> Result<Option<(String, usize)>, ExchangeError> {
        if !self.pending[pos..].starts_with('"') {
            return Ok(None);
        }
        let mut text = String::new();
        let mut from = pos + 1;
        loop {
            let search = from.max(self.quote_free_until);
            let Some(k) = memchr::memchr(b'"', &self.pending.as_bytes()[search..]) else {
                self.quote_free_until = self.pending.len();
                if self.pending.len() - pos > MAX_QUOTED || !self.read_line()? {
                    return Ok(None);
                }
                continue;
            };
            let k = search + k;
            let next = self.pending.as_bytes().get(k + 1).copied();
            match next {
                Some(b'"') => {
                    text.push_str(&self.pending[from..=k]);
                    from = k + 2;
                }
                None | Some(b'\t' | b'\r' | b'\n') => {
                    text.push_str(&self.pending[from..k]);
                    return Ok(Some((text, k + 1)));
                }
                Some(_) => return Ok(None),
            }
        }
    }
}

/// How far a quote-delimited field may run ahead of its start before its
/// opening quote is taken for text (bounding the work of a stray quote).
const MAX_QUOTED: usize = 1 << 20;

impl<R: BufRead> UnitSource for TsvReader<R> {
    fn source_lang(&self) -> Lang {
        self.source
    }

    fn next_item(&mut self) -> Result<Option<Item>, ExchangeError> {
        loop {
            let start = self.consumed;
            let Some(fields) = self.record()? else {
                return Ok(None);
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if fields.len() > self.columns.len() {
                return Err(self.error_at(
                    start,
                    format!(
                        "this row has {} fields but the header names {} columns",
                        fields.len(),
                        self.columns.len()
                    ),
                ));
            }
            let position = self.rows;
            self.rows += 1;
            let mut unit = Unit::new(String::new(), &self.now);
            let mut langs = 0;
            for (i, field) in fields.into_iter().enumerate() {
                match self.columns[i] {
                    Column::Text(_) if field.trim().is_empty() => {}
                    Column::Text(l) => {
                        unit.set_text(l, Some(field));
                        langs += 1;
                    }
                    Column::Id if is_tm_id(field.trim()) => unit.id = field.trim().to_string(),
                    Column::Id if !field.trim().is_empty() => {
                        unit.props.insert("id".into(), field.trim().to_string());
                    }
                    Column::Id => {}
                    Column::Ignored => {
                        if let Some((_, name)) = self.ignored.iter().find(|(c, _)| *c == i) {
                            if !field.trim().is_empty() {
                                *self.tally.other_languages.entry(name.clone()).or_default() += 1;
                            }
                        }
                    }
                }
            }
            if langs < 2 {
                return Ok(Some(Item::Skipped(SkipReason::TooFewLanguages)));
            }
            unit.release = Some(self.file_name.clone());
            unit.position = Some(position);
            return Ok(Some(Item::Unit(Box::new(unit))));
        }
    }

    fn position(&self) -> u64 {
        self.offset
    }

    fn tally(&self) -> &Tally {
        &self.tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (en, ru) texts of every unit of `tsv`, or the error.
    fn read(tsv: &str) -> Result<Vec<(String, String)>, String> {
        let mut r = TsvReader::new(tsv.as_bytes(), Path::new("t.tsv"), "2026-01-01T00:00:00Z")
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(item) = r.next_item().map_err(|e| e.to_string())? {
            if let Item::Unit(u) = item {
                let t = |l| u.text(l).unwrap_or("").to_string();
                out.push((t(Lang::En), t(Lang::Ru)));
            }
        }
        Ok(out)
    }

    fn pair(en: &str, ru: &str) -> (String, String) {
        (en.to_string(), ru.to_string())
    }

    #[test]
    fn quotations_in_news_text_are_text() {
        let got = read(
            "en\tru\n\
             \"Yes,\" he said. \"We agree.\"\t«Да», – сказал он.\n\
             \"We start today\t«Мы начинаем сегодня\n\
             \"Ready\" – the word of the day.\t\"Готов\" – слово дня.\n\
             Plain row.\tПростая строка.\n\
             \"Yes\"\"\tДа\n\
             \"Yes\"\"\"\tДа!\n",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                pair("\"Yes,\" he said. \"We agree.\"", "«Да», – сказал он."),
                // A quotation that goes on in the next paragraph never
                // closes here, and takes no other row with it.
                pair("\"We start today", "«Мы начинаем сегодня"),
                pair("\"Ready\" – the word of the day.", "\"Готов\" – слово дня."),
                pair("Plain row.", "Простая строка."),
                // An escaped quote and no closing one: text as written.
                pair("\"Yes\"\"", "Да"),
                // Quote, text, an escaped quote, and the closing one.
                pair("Yes\"", "Да!"),
            ]
        );
    }

    #[test]
    fn spreadsheet_quoting_is_taken_off() {
        let got = read(
            "en\tru\r\n\
             \"A \"\"real\"\" quoted\tfield\"\t\"Поле\r\nв две строки\"\r\n\
             \"\"\"Yes,\"\" he said.\"\t\"«Да», – сказал он.\"\r\n\
             \"Last\"\t\"Последнее\"",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                pair("A \"real\" quoted\tfield", "Поле\r\nв две строки"),
                pair("\"Yes,\" he said.", "«Да», – сказал он."),
                pair("Last", "Последнее"),
            ]
        );
    }

    #[test]
    fn a_stray_quote_far_ahead_does_not_join_rows() {
        let mut tsv = String::from("en\tru\n\"Opening words\tНачало\n");
        for i in 0..50 {
            tsv.push_str(&format!("Row {i}.\tСтрока {i}.\n"));
        }
        tsv.push_str("He said \"so\".\tОн сказал «так».\n");
        let got = read(&tsv).unwrap();
        assert_eq!(got.len(), 52);
        assert_eq!(got[0], pair("\"Opening words", "Начало"));
        assert_eq!(got[51], pair("He said \"so\".", "Он сказал «так»."));
    }

    #[test]
    fn errors_name_the_row_after_a_lookahead() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tsv");
        std::fs::write(&path, "en\tru\n\"Open\tОткрыто\nA\tB\tC\n").unwrap();
        let mut r = TsvReader::open(&path, "2026-01-01T00:00:00Z").unwrap();
        assert!(matches!(r.next_item(), Ok(Some(Item::Unit(_)))));
        let e = r.next_item().unwrap_err().to_string();
        let e = e
            .strip_prefix(&format!("{}", dir.path().display()))
            .unwrap();
        assert_eq!(
            e,
            "/t.tsv:3:1: this row has 3 fields but the header names 2 columns"
        );
    }
}
