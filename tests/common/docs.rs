//! Documents made inside the tests: a Word package written with the zip
//! crate, with the quirks Word leaves in real files (runs split with
//! revision ids, bookmarks, proofing marks, a hyperlink field code, a
//! simple field, tracked insertion and deletion, a table, a text box with
//! its VML fallback), and the same release as HTML, Markdown and text.
//! Every sentence here was written for these tests.

#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The texts of one language version of the test release.
pub struct Texts {
    pub title: [&'static str; 2],
    pub p2: &'static str,
    pub p2_inserted: &'static str,
    pub p2_deleted: &'static str,
    pub link: [&'static str; 3],
    pub field: [&'static str; 3],
    pub cells: [&'static str; 2],
    pub text_box: &'static str,
    pub anchor: &'static str,
}

pub const EN: Texts = Texts {
    title: ["Ministry opens a new wa", "ter plant in Aktobe"],
    p2: "The plant will supply clean water to 40,000 residents. ",
    p2_inserted: "It cost 2 billion tenge.",
    p2_deleted: "This sentence was deleted.",
    link: ["Details are on ", "the ministry website", "."],
    field: [
        "Questions can be sent through ",
        "the portal",
        " at any time.",
    ],
    cells: [
        "The plant has four filters.",
        "Each filter cleans water in two stages.",
    ],
    text_box: "The press office answers calls on weekdays.",
    anchor: "The plant opens in spring.",
};

pub const RU: Texts = Texts {
    title: [
        "Министерство открывает новую водоочист",
        "ную станцию в Актобе",
    ],
    p2: "Станция будет снабжать чистой водой 40 000 жителей. ",
    p2_inserted: "Она стоила 2 млрд тенге.",
    p2_deleted: "Это предложение удалено.",
    link: ["Подробности на ", "сайте министерства", "."],
    field: [
        "Вопросы можно направить через ",
        "портал",
        " в любое время.",
    ],
    cells: [
        "На станции четыре фильтра.",
        "Каждый фильтр очищает воду в два этапа.",
    ],
    text_box: "Пресс-служба отвечает на звонки в будние дни.",
    anchor: "Станция откроется весной.",
};

pub const KK: Texts = Texts {
    title: ["Министрлік Ақтөбеде жаңа су тазарту станция", "сын ашады"],
    p2: "Станция 40 000 тұрғынды таза сумен қамтамасыз етеді. ",
    p2_inserted: "Оның құны 2 млрд теңге болды.",
    p2_deleted: "Бұл сөйлем жойылды.",
    link: ["Толығырақ ", "министрліктің сайтында", "."],
    field: [
        "Сұрақтарды ",
        "портал",
        " арқылы кез келген уақытта жіберуге болады.",
    ],
    cells: [
        "Станцияда төрт сүзгі бар.",
        "Әр сүзгі суды екі кезеңде тазартады.",
    ],
    text_box: "Баспасөз қызметі жұмыс күндері қоңырауларға жауап береді.",
    anchor: "Станция көктемде ашылады.",
};

/// The release as plain text, in the reading order tm documents (a text
/// box anchored before the text of its paragraph comes before it).
pub fn txt(t: &Texts) -> String {
    [
        t.title.concat(),
        format!("{}{}", t.p2, t.p2_inserted),
        t.link.concat(),
        t.field.concat(),
        t.cells[0].to_string(),
        t.cells[1].to_string(),
        t.text_box.to_string(),
        t.anchor.to_string(),
    ]
    .join("\n\n")
        + "\n"
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn run(text: &str, rsid: &str, bold: bool) -> String {
    let rpr = if bold {
        "<w:rPr><w:b/><w:lang w:val=\"en-US\"/></w:rPr>"
    } else {
        "<w:rPr><w:lang w:val=\"en-US\"/></w:rPr>"
    };
    format!(
        "<w:r w:rsidR=\"{rsid}\" w:rsidRPr=\"{rsid}\">{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

/// `word/document.xml` of the release.
pub fn document_xml(t: &Texts) -> String {
    let p = |inner: String| {
        format!(
            "<w:p w:rsidR=\"00AB12CD\"><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>{inner}</w:p>"
        )
    };
    let mut body = String::new();
    // A heading split in a word, with a bookmark and proofing marks between.
    body.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{}<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>{}<w:bookmarkEnd w:id=\"0\"/><w:proofErr w:type=\"spellEnd\"/></w:p>",
        run(t.title[0], "00A1B2C3", false),
        run(t.title[1], "00D4E5F6", false)
    ));
    // Tracked changes: an insertion read, a deletion not.
    body.push_str(&p(format!(
        "{}<w:ins w:id=\"1\" w:author=\"Editor\" w:date=\"2026-03-01T10:00:00Z\">{}</w:ins><w:del w:id=\"2\" w:author=\"Editor\" w:date=\"2026-03-01T10:00:00Z\"><w:r><w:delText xml:space=\"preserve\"> {}</w:delText></w:r></w:del>",
        run(t.p2, "00A1B2C3", false),
        run(t.p2_inserted, "00A1B2C3", false),
        esc(t.p2_deleted)
    )));
    // A hyperlink as a complex field: its code must not reach the text.
    body.push_str(&p(format!(
        "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.gov.kz/water\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
        run(t.link[0], "00A1B2C3", false),
        run(t.link[1], "00A1B2C3", true),
        run(t.link[2], "00A1B2C3", false)
    )));
    // A simple field around a run.
    body.push_str(&p(format!(
        "{}<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.gov.kz&quot; \">{}</w:fldSimple>{}",
        run(t.field[0], "00A1B2C3", false),
        run(t.field[1], "00A1B2C3", false),
        run(t.field[2], "00A1B2C3", false)
    )));
    // A table of one row and two cells.
    body.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc></w:tr></w:tbl>",
        p(run(t.cells[0], "00A1B2C3", false)),
        p(run(t.cells[1], "00A1B2C3", false))
    ));
    // A text box anchored in a paragraph, with Word's VML fallback copy.
    let box_p = p(run(t.text_box, "00A1B2C3", false));
    body.push_str(&p(format!(
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"2\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"2000000\" cy=\"600000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"bothSides\"/><wp:docPr id=\"1\" name=\"Text Box 1\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2000000\" cy=\"600000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{box_p}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style=\"width:160pt;height:48pt\"><v:textbox><w:txbxContent>{box_p}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}",
        run(t.anchor, "00A1B2C3", false)
    )));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

/// A Word package around `document_xml`, with styles, a header and an
/// image that drafts must keep byte for byte.
pub fn docx_with(document_xml: &str) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let parts: [(&str, &[u8], SimpleFileOptions); 7] = [
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#, deflated),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#, deflated),
        ("word/document.xml", document_xml.as_bytes(), deflated),
        ("word/_rels/document.xml.rels", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>"#, deflated),
        ("word/styles.xml", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>"#, deflated),
        ("word/header1.xml", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Press office of the Ministry</w:t></w:r></w:p></w:hdr>"#, deflated),
        ("word/media/image1.png", b"\x89PNG\r\n\x1a\nnot really an image, kept byte for byte", stored),
    ];
    for (name, bytes, options) in parts {
        w.start_file(name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The release as a Word file.
pub fn docx(t: &Texts) -> Vec<u8> {
    docx_with(&document_xml(t))
}

/// Every part of a package, unpacked, in order.
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut a = ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

/// The release as HTML, with entities, comments, script and style.
pub fn html(t: &Texts, lang: &str) -> String {
    let e = |s: &str| esc(s).replace('\u{a0}', "&nbsp;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>p {{ margin: 0 }}</style>\n<script>var x = \"<p>not text</p>\";</script>\n</head>\n<body>\n<!-- navigation left out -->\n<h1>{}</h1>\n<p>{}\n  {}</p>\n<p>{}<a href=\"https://example.gov.kz/water\"><b>{}</b></a>{}</p>\n<p>{}<a href=\"https://example.gov.kz\">{}</a>{}</p>\n<table><tr><td>{}</td><td>{}</td></tr></table>\n<div class=\"box\">{}</div>\n<p>{}</p>\n<template><p>Never read.</p></template>\n</body>\n</html>\n",
        e(&t.title.concat()),
        e(&t.title.concat()),
        e(t.p2.trim_end()),
        e(t.p2_inserted),
        e(t.link[0]),
        e(t.link[1]),
        e(t.link[2]),
        e(t.field[0]),
        e(t.field[1]),
        e(t.field[2]),
        e(t.cells[0]),
        e(t.cells[1]),
        e(t.text_box),
        e(t.anchor),
    )
}

/// The release as Markdown, with emphasis, a link and a code block.
pub fn markdown(t: &Texts) -> String {
    format!(
        "# {}\n\n{}{}\n\n{}[**{}**](https://example.gov.kz/water){}\n\n{}{}{}\n\n```\ncurl https://example.gov.kz/api\n```\n\n| {} | {} |\n|---|---|\n\n> {}\n\n- {}\n",
        t.title.concat(),
        t.p2,
        t.p2_inserted,
        t.link[0],
        t.link[1],
        t.link[2],
        t.field[0],
        t.field[1],
        t.field[2],
        t.cells[0],
        t.cells[1],
        t.text_box,
        t.anchor,
    )
}
