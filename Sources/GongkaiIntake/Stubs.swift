import Foundation
import GongkaiModel
public enum DocImport {
    public static func prepare(file: URL, display: String, content: URL, contentDisplay: String, id: String?, column: String?) throws(DiagnosticError) -> PreparedImport { throw DiagnosticError([]) }
}
