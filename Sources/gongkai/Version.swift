import ArgumentParser

/// The program's version: `gongkai --version`, `gongkai 版本`, the .deb's version (scripts/package).
enum GongkaiVersion {
    static let current = "0.9.0"
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "版本", abstract: "显示 Gongkai 的版本。")

    func run() {
        print("gongkai \(GongkaiVersion.current)")
    }
}
