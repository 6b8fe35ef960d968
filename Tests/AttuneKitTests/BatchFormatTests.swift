import AttuneKit
import Foundation
import Testing

/// The output formats come from one table, which `--help` and the README both list.
@Suite struct BatchFormatTests {
    @Test func eachFormatIsFoundByItsOwnName() {
        let names = BatchFormat.all.map(\.name)
        #expect(Set(names).count == names.count)
        for format in BatchFormat.all { #expect(BatchFormat.named(format.name) == format) }
        #expect(BatchFormat.named("xml") == nil)
    }

    @Test func theReadmeListsTheTablesFormats() throws {
        let readme = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`--format` takes \(BatchFormat.list)."), "README: `--format` takes \(BatchFormat.list).")
    }

    @Test func theListNamesEveryFormatOnce() {
        let list = BatchFormat.list
        for format in BatchFormat.all {
            #expect(list.components(separatedBy: format.name).count == 2, "\(format.name) in \(list)")
        }
    }

    @Test func reportsForPeopleAlwaysSummarise() {
        #expect(BatchFormat.all.filter(\.alwaysSummarises).map(\.name) == ["markdown", "html"])
    }
}
