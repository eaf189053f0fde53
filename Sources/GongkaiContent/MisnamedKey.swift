import Foundation
import GongkaiModel

/// A key that names a field of the table in another form than the table's: in pinyin
/// (`biaoti`), in traditional characters (`標題`), with a stray space (`标题　`, `标 题`), or in
/// English with other capitals or separators (`Title`, `doc-no`). Found only for keys the table
/// does not know, so that the message can say which key to write instead of "没有这个字段".
struct MisnamedKey {
    /// The field it means.
    let field: String
    /// The key to write: the field's usual Chinese key.
    let key: String
    /// What is wrong, in an editor's words.
    let why: String

    static func find(_ written: String, in table: FieldTable) -> MisnamedKey? {
        func found(_ key: String, _ why: String) -> MisnamedKey? {
            table.field(forKey: key).map { MisnamedKey(field: $0, key: table.chineseKey($0), why: why) }
        }
        let spaceless = String(written.filter { !$0.isWhitespace })
        if spaceless != written {
            let kind = written.contains("\u{3000}") ? "全角空格“　”" : "空格"
            if let hit = found(spaceless, "“\(written)”中有多余的\(kind)") { return hit }
        }
        guard !spaceless.isEmpty else { return nil }
        if spaceless.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let letters = Self.letters(spaceless)
            guard !letters.isEmpty else { return nil }
            for field in table.fields {
                if Self.letters(field.name) == letters {
                    return MisnamedKey(
                        field: field.name, key: table.chineseKey(field.name), why: "英文字段名“\(written)”的写法不对（英文要写作 \(field.name)）")
                }
                if field.keys.dropFirst().contains(where: { Self.pinyin($0) == letters }) {
                    return MisnamedKey(field: field.name, key: table.chineseKey(field.name), why: "“\(written)”是拼音")
                }
            }
            return nil
        }
        if let simplified = spaceless.applyingTransform(StringTransform("Hant-Hans"), reverse: false), simplified != spaceless {
            return found(simplified, "“\(written)”用了繁体字")
        }
        return nil
    }

    /// Lower-case letters and digits only: `Doc-No` and `doc_no` are both `docno`.
    private static func letters(_ text: String) -> String {
        String(text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// The toneless pinyin of a Chinese key, letters only (`发布日期` → `faburiqi`).
    private static func pinyin(_ key: String) -> String {
        if let known = pinyinOfKeys[key] { return known }
        return letters(key.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? "")
    }

    /// The pinyin of every Chinese key of the tables, transliterated in one call on first use.
    private static let pinyinOfKeys: [String: String] = {
        let tables: [FieldTable] = [
            .document, .site, .column, .columnField, .homeSection, .homeLink, .body, .plan, .planSection, .planItem, .deadline,
            .progress, .report, .catalogue, .faq, ConsultationReader.table,
        ]
        let keys = Array(Set(tables.flatMap { $0.fields.flatMap { $0.keys.dropFirst() } })).sorted()
        let joined = keys.joined(separator: "\n").applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? ""
        let lines = joined.split(separator: "\n", omittingEmptySubsequences: false).map { letters(String($0)) }
        guard lines.count == keys.count else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(keys, lines))
    }()
}
