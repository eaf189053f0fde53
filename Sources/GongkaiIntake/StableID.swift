import CICU
import Foundation
import GongkaiModel

/// Ids derived from Chinese names with ICU's `Han-Latin; Latin-ASCII` transliterator:
/// 平潭综合实验区 → `pingtan`, so that `--id` can be left out.
public enum StableID {
    /// Endings of a region's name left out of its id: 湖南省 → hunan, 平潭综合实验区 → pingtan.
    static let endings = [
        "综合实验区", "经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区", "开发区", "新区", "自治州", "自治县",
        "地区", "特别行政区", "省", "市", "区", "县", "州", "旗",
    ]

    /// The region part of an id: pinyin of the region without its administrative ending.
    public static func region(_ name: String) -> String? {
        var core = TextCleaner.squeezed(name)
        for ending in endings where core.hasSuffix(ending) && core.count - ending.count >= 2 {
            core = String(core.dropLast(ending.count))
            break
        }
        let latin = transliterate(core)
        let id = String(latin.lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return id.isEmpty ? nil : id
    }

    /// Pinyin (ASCII, words separated by spaces) of a text; the text itself when ICU fails.
    public static func transliterate(_ text: String) -> String {
        let id = Array("Han-Latin; Latin-ASCII".utf16)
        var status: Int32 = 0
        guard let transliterator = gk_transliterator_open(id, Int32(id.count), &status), status <= 0 else { return text }
        defer { gk_transliterator_close(transliterator) }
        var buffer = Array(text.utf16)
        let capacity = buffer.count * 8 + 16
        var length = Int32(buffer.count)
        buffer += Array(repeating: 0, count: capacity - buffer.count)
        gk_transliterate(transliterator, &buffer, &length, Int32(capacity), &status)
        guard status <= 0 else { return text }
        return String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
    }
}
