import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// The commands as an editor runs them: what they print, what they write, how they exit.
@Suite struct CommandTests {
    static let files: [String: String] = [
        "zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-06-01")
    ]

    @Test func buildIsTheDefaultCommandAndSaysWhatItWrote() throws {
        let project = try Project(files: Self.files)
        let result = try project.run(["--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("发布 1 篇文件"), "\(result.stdout)")
        #expect(project.exists("site/zcwj/policy.html"))
    }

    @Test func changedListNamesWhatChangedSinceTheLastBuild() throws {
        let project = try Project(files: Self.files)
        _ = try project.run(["build", "--as-of", "2024-01-01"])
        try project.write("content/zcwj/policy.md", Project.document("标题: 政策（修订）\n发布日期: 2023-06-01"))
        let result = try project.run(["build", "--as-of", "2024-01-01", "--changed-list", "changes.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try project.read("changes.txt").split(separator: "\n")
        #expect(lines.contains("M\tzcwj/policy.html"), "\(lines)")
        #expect(!lines.contains { $0.hasSuffix("\tassets/gongkai.css") }, "an unchanged file is not listed")
    }

    @Test func checkWritesNothingAndExitsZeroWhenAllIsWell() throws {
        let project = try Project(files: Self.files)
        let result = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("检查完成：没有错误"))
        #expect(!project.exists("site"))
    }

    @Test func aMissingContentFolderIsAChineseErrorNamingIt() throws {
        let project = try Project(files: Self.files)
        let result = try project.run(["build", "--content", "nowhere"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nowhere/site.yml"), "\(result.stderr)")
        #expect(result.stderr.contains("找不到网站配置文件"))
    }
}
