import GongkaiModel

/// Validity that keeps itself current: a document the build day has made 失效 (its 有效期至
/// passed while the file still says 现行有效), and a 已修改 or 已废止 document that does not
/// say what replaced it.
enum ValidityRules {
    static func check(documents: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let validityKey = FieldSchema.document.key("validity")
        let untilKey = FieldSchema.document.key("valid_until")
        for document in documents {
            if document.validityLapsed, let until = document.validUntil {
                diagnostics.append(
                    .warning(
                        document.file, line: document.fieldLines["validity"] ?? document.fieldLines["valid_until"],
                        "文件“\(document.title)”的“\(untilKey)”是 \(until.chinese)，已经过期，本站按“失效”发布。请把“\(validityKey)”改为“失效”；如果文件已延期，请更新“\(untilKey)”。",
                        rule: "validity-lapsed"))
            }
            if let validity = document.validity, validity == .amended || validity == .repealed, document.replacedBy.isEmpty {
                diagnostics.append(
                    .warning(
                        document.file, line: document.fieldLines["validity"],
                        "文件“\(document.title)”\(validity.rawValue)，但没有写明修改或替代它的文件，读者不知道该以哪份文件为准。请在“\(FieldSchema.document.key("replaced_by"))”中写明新文件的路径、文号或索引号。",
                        rule: "ended-without-replacement"))
            }
        }
        return diagnostics
    }
}
