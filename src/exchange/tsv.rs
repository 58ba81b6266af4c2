//! Reading tab-separated spreadsheets of old translations, a row at a time.
//!
//! The first row names the language of each column (`en`, `ru-RU`, `KK`),
//! and may name an `id` column. Fields may be quoted as spreadsheets save
//! them (`"a ""quoted"" text"`, with tabs or line breaks inside).

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

    /// Reads one physical line into `line_buf`; false at the end of input.
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
        if self.offset == 0 && self.line_buf.starts_with(b"\xEF\xBB\xBF") {
            self.line_buf.drain(..3);
        } else if self.offset == 0
            && (self.line_buf.starts_with(b"\xFF\xFE") || self.line_buf.starts_with(b"\xFE\xFF"))
        {
            return Err(
                self.file_error("UTF-16 text; save the spreadsheet as UTF-8 tab-separated text")
            );
        }
        let start = self.offset;
        self.offset += n as u64;
        if let Err(e) = std::str::from_utf8(&self.line_buf) {
            let skipped_bom = if start == 0 && n != self.line_buf.len() {
                3
            } else {
                0
            };
            let at = start + skipped_bom + e.valid_up_to() as u64;
            return Err(self.error_at(at, "invalid UTF-8 (save the file as UTF-8)".into()));
        }
        Ok(n > 0)
    }

    /// The next record's fields, or `None` at the end. A quoted field may
    /// run over several lines.
    fn record(&mut self) -> Result<Option<Vec<String>>, ExchangeError> {
        let record_start = self.offset;
        if !self.read_line()? {
            return Ok(None);
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut at_field_start = true;
        loop {
            let line = String::from_utf8_lossy(&self.line_buf).into_owned();
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' if at_field_start => quoted = true,
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' if quoted => {
                        quoted = false;
                        // A closing quote must end the field; otherwise the
                        // field only began with a quotation mark ("Yes," he
                        // said) and is kept as written.
                        if !matches!(chars.peek(), None | Some('\t' | '\r' | '\n')) {
                            field.insert(0, '"');
                            field.push('"');
                        }
                    }
                    '\t' if !quoted => {
                        fields.push(std::mem::take(&mut field));
                        at_field_start = true;
                        continue;
                    }
                    '\r' | '\n' if !quoted => {}
                    c => field.push(c),
                }
                at_field_start = false;
            }
            if !quoted {
                break;
            }
            if !self.read_line()? {
                return Err(self.error_at(record_start, "a quoted field is never closed".into()));
            }
        }
        fields.push(field);
        Ok(Some(fields))
    }
}

impl<R: BufRead> UnitSource for TsvReader<R> {
    fn source_lang(&self) -> Lang {
        self.source
    }

    fn next_item(&mut self) -> Result<Option<Item>, ExchangeError> {
        loop {
            let start = self.offset;
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
