import Foundation

/// Entry points the fuzz driver (gongkai-intake-fuzz) uses to reach parts below the file
/// readers: PDF text as pdftotext gives it, and text in GBK.
public enum PDFReaderSample {
    public static func blocks(_ text: String) throws -> BlockDocument { try PDFReader.blocks(text) }
}

public enum TextDecodingSample {
    public static func gbk(_ text: String) -> Data { TextDecoding.convertFromUTF8(text, to: "GB18030") ?? Data(text.utf8) }
}

/// The word-box path of the PDF reader (`pdftotext -bbox-layout` output → tables and text).
public enum PDFBoxesSample {
    public static func blocks(_ xhtml: String) throws -> BlockDocument {
        let pages = PDFLayout.pages(xhtml).map { PDFLayout.pieces($0) ?? [] }
        return try PDFReader.blocks(pages: pages)
    }
}

/// The attachment search of `import doc`, against a folder.
public enum AttachmentSample {
    public static func find(_ document: ImportedDocument, beside folder: URL) -> Int {
        let found = AttachmentFinder.find(document, beside: folder, input: folder.appendingPathComponent("input.docx"))
        return found.attached.count + found.missing.count
    }
}
