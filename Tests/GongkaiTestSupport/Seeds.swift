import Foundation
import GongkaiIntake
import GongkaiModel

/// The five seed notices (copied from shared/seeds into Tests/Fixtures/seeds), for the
/// importer and alignment tests.
public enum Seeds {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")

    public static let files = [
        "000_b9f03bad9a0bd85c", "001_481537314689ab2f", "002_b7eafef4efe96bfa",
        "003_9e200add24cb7cbb", "004_7ad38d3214157346",
    ]
    public static let prefixes = ["heshan", "hunan", "zhangjiajie", "kaifu", "shaoyang"]

    public static func text(_ index: Int) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(files[index] + ".txt"), encoding: .utf8)
    }

    public static func imported(_ index: Int) throws -> ImportResult {
        PlanImporter(idPrefix: prefixes[index], noticeID: "notice-\(index)").run(try text(index))
    }
}
