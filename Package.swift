// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Debian's cmark-gfm (Markdown). The extensions package holds the core-extensions
        // header and the .so that libcmark-gfm.pc links.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libqrencode, for the QR code of each document page.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Debian's ICU, for the dictionary-based Chinese word breaker of the search index.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Debian's libxml2, whose HTML parser reads saved web pages for the importer.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Linux system calls that Swift's Glibc module does not expose (renameat2).
        .target(name: "CLinux"),
        .target(name: "GongkaiModel"),
        .target(
            name: "GongkaiContent",
            dependencies: ["GongkaiModel", "GongkaiOutput", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "GongkaiMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "GongkaiPlans", dependencies: ["GongkaiModel"]),
        // Derive: what is published, where every output lives, how things are grouped.
        .target(name: "GongkaiPublish", dependencies: ["GongkaiModel", "GongkaiPlans", "GongkaiMarkdown"]),
        .target(name: "GongkaiChecks", dependencies: ["GongkaiModel", "GongkaiPublish", "CLinux"]),
        .target(name: "GongkaiSearch", dependencies: ["GongkaiModel", "GongkaiPublish", "CICU"]),
        // Typed Mustache: templates validated against view types, rendering, view fingerprints.
        .target(
            name: "GongkaiTemplates",
            dependencies: ["GongkaiModel", "GongkaiContent", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The build state and the incremental output store: atomic folder swap, in-place writes.
        .target(name: "GongkaiOutput", dependencies: ["GongkaiModel", "CLinux"]),
        // Word, web pages, PDF and text → neutral blocks → plans and policy documents.
        .target(
            name: "GongkaiIntake",
            dependencies: [
                "GongkaiModel", "GongkaiContent", "CICU", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "gongkai-intake-fuzz",
            dependencies: ["GongkaiIntake", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The built-in theme: templates/ compiled into the program at build time (see Plugins/EmbedTheme).
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "GongkaiTheme", dependencies: ["GongkaiModel"], plugins: ["EmbedTheme"]),
        .target(
            name: "GongkaiSite",
            dependencies: [
                "GongkaiModel", "GongkaiContent", "GongkaiMarkdown", "GongkaiPlans", "GongkaiPublish", "GongkaiChecks",
                "GongkaiSearch", "GongkaiTemplates", "GongkaiOutput", "CQRencode",
            ]
        ),
        .target(
            name: "GongkaiServe",
            dependencies: [
                "GongkaiSite", "GongkaiContent", "GongkaiModel", "GongkaiTemplates", "GongkaiOutput",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiSite", "GongkaiContent", "GongkaiModel", "GongkaiPlans", "GongkaiIntake", "GongkaiChecks", "GongkaiServe",
                "GongkaiTheme", "GongkaiTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: a temporary project (demo or given files) and the program.
        .target(
            name: "GongkaiTestSupport",
            dependencies: ["GongkaiSite", "GongkaiContent", "GongkaiModel", "GongkaiIntake"],
            path: "Tests/GongkaiTestSupport"
        ),
        // The fuzz driver over the readers of hostile input (bench/fuzz).
        .executableTarget(
            name: "gongkai-fuzz", dependencies: ["GongkaiContent", "GongkaiModel", "GongkaiIntake", "GongkaiSite", "GongkaiOutput"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(name: "GongkaiModelTests", dependencies: ["GongkaiModel"]),
        .testTarget(name: "GongkaiContentTests", dependencies: ["GongkaiContent", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiMarkdownTests", dependencies: ["GongkaiMarkdown", "GongkaiModel"]),
        .testTarget(name: "GongkaiPlansTests", dependencies: ["GongkaiPlans", "GongkaiIntake", "GongkaiModel", "GongkaiTestSupport"]),
        .testTarget(
            name: "GongkaiIntakeTests",
            dependencies: [
                "GongkaiIntake", "GongkaiModel", "GongkaiContent", "GongkaiTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "GongkaiChecksTests", dependencies: ["GongkaiChecks", "GongkaiPublish", "GongkaiModel"]),
        .testTarget(name: "GongkaiSearchTests", dependencies: ["GongkaiSearch", "GongkaiPublish", "GongkaiModel"]),
        .testTarget(
            name: "GongkaiTemplatesTests",
            dependencies: [
                "GongkaiTemplates", "GongkaiModel", "GongkaiSite", "GongkaiTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "GongkaiOutputTests", dependencies: ["GongkaiOutput", "GongkaiModel"]),
        .testTarget(
            name: "GongkaiSiteTests",
            dependencies: ["GongkaiSite", "GongkaiPublish", "GongkaiTemplates", "GongkaiContent", "GongkaiOutput", "GongkaiTestSupport", "gongkai"]
        ),
        // The program as an editor runs it: commands, exit codes, messages, the bad-input matrix.
        .testTarget(name: "GongkaiCLITests", dependencies: ["GongkaiTestSupport", "GongkaiModel", "GongkaiTheme", "gongkai"]),
        .testTarget(name: "GongkaiServeTests", dependencies: ["GongkaiServe", "GongkaiSite", "GongkaiModel", "GongkaiTemplates", "GongkaiTestSupport"]),
    ]
)
