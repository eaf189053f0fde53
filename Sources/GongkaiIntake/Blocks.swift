import Foundation

/// The neutral model every input format is read into before anything about plans or
/// documents is decided: paragraphs (some of them headings) and tables. Word files, web pages,
/// PDF text and plain text all become a list of blocks, so that one reader handles tables
/// whatever they came from.
public enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case table(Table)

    /// Where the block starts in its source, for messages: the line of a text or PDF file,
    /// the paragraph of a Word file or web page.
    public var line: Int {
        switch self {
        case .paragraph(let paragraph): paragraph.line
        case .table(let table): table.line
        }
    }
}

public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var line: Int
    /// 1–6 when the source marks the paragraph as a heading (h1, Word's 标题 1), else 0.
    public var headingLevel: Int
    /// Text the source shows in bold, for document bodies (`**…**`); whole paragraph only.
    public var bold: Bool

    public init(_ text: String, line: Int, headingLevel: Int = 0, bold: Bool = false) {
        self.text = text
        self.line = line
        self.headingLevel = headingLevel
        self.bold = bold
    }
}

/// A table as its source wrote it: rows of cells, a cell spanning columns (`colSpan`) or
/// continuing the cell above it (`continuesAbove`, Word's vMerge and HTML's rowspan).
public struct Table: Sendable, Hashable {
    public var rows: [[TableCell]]
    public var line: Int

    public init(rows: [[TableCell]], line: Int) {
        self.rows = rows
        self.line = line
    }

    /// The table as a grid of texts, merged cells repeated into every position they cover,
    /// with whether each position repeats a cell above (true) or is written there.
    public func grid() -> [[(text: String, repeated: Bool)]] {
        var grid: [[(text: String, repeated: Bool)]] = []
        for row in rows {
            var line: [(text: String, repeated: Bool)] = []
            for cell in row {
                let column = line.count
                var text = cell.text
                if cell.continuesAbove, let above = grid.last, column < above.count { text = above[column].text }
                for _ in 0..<max(1, cell.colSpan) { line.append((text, cell.continuesAbove)) }
            }
            grid.append(line)
        }
        return grid
    }

    /// Every cell's own text (merged continuations left out), for round-trip checks.
    public var writtenTexts: [String] {
        rows.flatMap { $0.filter { !$0.continuesAbove }.map(\.text) }
    }
}

public struct TableCell: Sendable, Hashable {
    /// The cell's text; paragraphs and line breaks inside the cell are kept as `\n`.
    public var text: String
    public var colSpan: Int
    public var continuesAbove: Bool

    public init(_ text: String, colSpan: Int = 1, continuesAbove: Bool = false) {
        self.text = text
        self.colSpan = colSpan
        self.continuesAbove = continuesAbove
    }
}

/// A file carried inside the input: an image of a Word file (`word/media/…`) or an embedded
/// attachment (a workbook or document inside it), with the paragraph it stands at.
public struct EmbeddedFile: Sendable, Hashable {
    /// The file's name inside the package: `image1.png`, `Microsoft_Excel_Worksheet.xlsx`.
    public var name: String
    public var data: Data
    /// The paragraph (Word) the file stands in; the file follows the blocks before it.
    public var line: Int
    public var isImage: Bool

    public init(name: String, data: Data, line: Int, isImage: Bool) {
        self.name = name
        self.data = data
        self.line = line
        self.isImage = isImage
    }
}

/// A link of the input (Word hyperlink, HTML `<a href>`): its text and where it points, as
/// written (a relative file name when the attachment was saved beside the document).
public struct SourceLink: Sendable, Hashable {
    public var text: String
    public var target: String

    public init(text: String, target: String) {
        self.text = text
        self.target = target
    }
}

/// What a format reader made of a file: the blocks, and notices about the reading itself
/// (encoding converted, page headers dropped…), kept for the report.
public struct BlockDocument: Sendable {
    public var blocks: [Block]
    public var notes: [ImportNote]
    /// Images and embedded attachments the input carries (Word files only).
    public var files: [EmbeddedFile] = []
    /// Links of the input, for attachments saved beside it.
    public var links: [SourceLink] = []
    /// Text a reader dropped from the body (navigation, page numbers, running headers), kept
    /// so that nothing is lost: the notice file carries it as comments.
    public var dropped: [KeptLine]
    /// `行` for text and PDF, `段` for Word files and web pages: what `line` counts.
    public var unit: String

    public init(blocks: [Block], notes: [ImportNote] = [], dropped: [KeptLine] = [], unit: String = "行") {
        self.blocks = blocks
        self.notes = notes
        self.dropped = dropped
        self.unit = unit
    }

    /// Every non-blank paragraph and table cell, as written, for round-trip checks.
    public var writtenTexts: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph): [paragraph.text]
            case .table(let table): table.writtenTexts
            }
        }.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
