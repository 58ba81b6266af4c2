//! The XML layer under the TMX reader: quick-xml's streaming reader turned
//! into a few owned events, with positions for messages.
//!
//! Memory use is bounded by the largest element, not the file. Entities are
//! never expanded: a DOCTYPE that declares any is refused before the first
//! unit (billion laughs, external entities), and a reference to any entity
//! other than XML's five is an error, not silently empty text.

use std::borrow::Cow;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::position::line_column;
use super::{xml, ExchangeError};

/// Element names the TMX reader looks at, kept without allocating.
const NAMES: [&str; 16] = [
    "tmx", "header", "body", "tu", "tuv", "seg", "prop", "note", "bpt", "ept", "ph", "it", "ut",
    "sub", "hi", "ude",
];
/// Elements whose attributes the TMX reader needs; others' are not read.
const WITH_ATTRS: [&str; 4] = ["header", "tu", "tuv", "prop"];

/// An element name.
pub type Name = Cow<'static, str>;

/// One parsing event, owned, with entity references already resolved.
/// Text is only kept where it is wanted (see [`Events::keep_text`]).
pub enum Ev {
    /// A start tag and its attributes (name, value).
    Start(Name, Vec<(String, String)>),
    /// An empty-element tag and its attributes.
    Empty(Name, Vec<(String, String)>),
    /// An end tag.
    End(Name),
    /// Text (empty when not kept), comments and the like.
    Text(String),
    /// The end of the file.
    Eof,
}

/// The events of one XML file.
pub struct Events<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    path: PathBuf,
    /// Where the last event began, for messages about it.
    event_start: u64,
    /// Inside an element whose text is read (a segment, a prop, a note):
    /// elsewhere text is only white space between tags, not worth copying.
    pub keep_text: bool,
}

impl<R: BufRead> Events<R> {
    /// Events of `input`; `path` names it in messages and is read again to
    /// turn an error's offset into a line and column.
    pub fn new(input: R, path: &Path) -> Events<R> {
        let mut reader = Reader::from_reader(input);
        reader.config_mut().check_end_names = true;
        Events {
            reader,
            buf: Vec::with_capacity(1 << 12),
            path: path.to_path_buf(),
            event_start: 0,
            keep_text: false,
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// An error about the last event, at its line and column.
    pub fn at(&self, message: String) -> ExchangeError {
        at(&self.path, self.event_start, message)
    }

    /// The next event, owned, with references resolved and DOCTYPEs checked.
    pub fn next_event(&mut self) -> Result<Ev, ExchangeError> {
        self.buf.clear();
        self.event_start = self.reader.buffer_position();
        let keep_text = self.keep_text;
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(e) => e,
            Err(e) => {
                let offset = self.reader.error_position();
                return Err(at(&self.path, offset, format!("malformed XML: {e}")));
            }
        };
        let here = self.event_start;
        let err = |message: String| at(&self.path, here, message);
        let attrs =
            |e: &quick_xml::events::BytesStart| -> Result<Vec<(String, String)>, ExchangeError> {
                let mut out = Vec::new();
                // Attributes of elements tm ignores are not even read.
                if !WITH_ATTRS.contains(&e.name().as_ref()) {
                    return Ok(out);
                }
                for a in e.attributes() {
                    let a = a.map_err(|e| err(format!("malformed attribute: {e}")))?;
                    let key = a.key.as_ref().to_string();
                    let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| {
                        err(format!(
                            "attribute {key}: {e} (tm expands no entities but XML's five)"
                        ))
                    })?;
                    out.push((key, value.into_owned()));
                }
                Ok(out)
            };
        Ok(match event {
            Event::Start(e) => Ev::Start(name(e.name().as_ref()), attrs(&e)?),
            Event::Empty(e) => Ev::Empty(name(e.name().as_ref()), attrs(&e)?),
            Event::End(e) => Ev::End(name(e.name().as_ref())),
            Event::Text(t) if keep_text => Ev::Text(t.xml10_content().into_owned()),
            Event::CData(t) if keep_text => Ev::Text(t.xml10_content().into_owned()),
            Event::Text(_) | Event::CData(_) => Ev::Text(String::new()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => xml::predefined_entity(&r),
                    Err(e) => return Err(err(format!("bad character reference &{};: {e}", &*r))),
                };
                match c {
                    Some(c) => Ev::Text(c.to_string()),
                    None => {
                        return Err(err(format!(
                            "unknown entity &{};: tm expands no entities but XML's five \
                             (&amp; &lt; &gt; &apos; &quot;) and character references",
                            &*r
                        )))
                    }
                }
            }
            Event::DocType(t) => {
                if t.to_ascii_uppercase().contains("<!ENTITY") {
                    return Err(err(
                        "refused: the DOCTYPE declares entities (<!ENTITY …>); tm does not expand \
                         them, as they can grow without bound or read other files"
                            .into(),
                    ));
                }
                Ev::Text(String::new())
            }
            Event::Eof => Ev::Eof,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => Ev::Text(String::new()),
        })
    }
}

fn at(path: &Path, offset: u64, message: String) -> ExchangeError {
    let (line, column) = line_column(path, offset);
    ExchangeError::At {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

fn name(raw: &str) -> Name {
    match NAMES.iter().find(|&&n| n == raw) {
        Some(&n) => Cow::Borrowed(n),
        None => Cow::Owned(raw.to_string()),
    }
}
