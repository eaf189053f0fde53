import GongkaiModel

/// What inspectors expect of policy documents: a 规范性文件 states its validity, and a policy
/// is published with its interpretation (政策解读“三同步”).
enum DocumentRules {
    static func isNormative(_ document: Document) -> Bool {
        document.type?.contains("规范性文件") == true || document.type == "规章"
    }

    static func isPolicy(_ document: Document, site: Site) -> Bool {
        if document.type == "政策解读" || !document.interprets.isEmpty { return false }
        if document.validity?.hasEnded == true { return false }
        if isNormative(document) || document.type == "政策文件" { return true }
        return site.column(document.columnPath)?.updateClass == .policies
    }

    static func check(documents: [Document], site: Site, isPublished: (String) -> Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in documents {
            if isNormative(document), document.validity == nil {
                diagnostics.append(
                    .warning(
                        document.file, line: document.fieldLines["type"],
                        "\(document.type ?? "规范性文件")没有写明有效性。请加上“有效性: 现行有效”（或 已修改、已废止、失效）。",
                        rule: "normative-without-validity"))
            }
            if isPolicy(document, site: site), !document.interpretedBy.contains(where: isPublished) {
                diagnostics.append(
                    .warning(
                        document.file, line: document.fieldLines["title"],
                        "政策文件没有已发布的解读。按“三同步”要求，政策文件应与解读材料同步发布：请发布一篇解读，并在解读中写“解读对象: \(document.docNumber ?? document.id)”。",
                        rule: "policy-without-interpretation"))
            }
        }
        return diagnostics
    }
}
