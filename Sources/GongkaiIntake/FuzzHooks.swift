import Foundation

/// Entry points the fuzz driver (gongkai-intake-fuzz) uses to reach parts below the file
/// readers: PDF text as pdftotext gives it, and text in GBK.
public enum PDFReaderSample {
    public static func blocks(_ text: String) throws -> BlockDocument { try PDFReader.blocks(text) }
}

public enum TextDecodingSample {
    public static func gbk(_ text: String) -> Data { TextDecoding.convertFromUTF8(text, to: "GB18030") ?? Data(text.utf8) }
}
