import Foundation
import GongkaiModel
enum DocxReader { static func read(_ data: Data) throws -> BlockDocument { throw IntakeError("todo") } }
enum HTMLReader { static func read(_ data: Data) throws -> BlockDocument { throw IntakeError("todo") } }
enum PDFReader { static func read(_ data: Data) throws -> BlockDocument { throw IntakeError("todo") } }
enum LegacyWord { static func read(_ data: Data, ext: String) throws -> BlockDocument { throw IntakeError("todo") } }
public enum DocImport {
    public static func prepare(file: URL, display: String, content: URL, contentDisplay: String, id: String?, column: String?) throws(DiagnosticError) -> PreparedImport { throw DiagnosticError([]) }
}
