extension Diagnostic {
    /// The diagnostic with every column (its range's, its notes', its fix-it's) moved `offset`
    /// to the right: for a text found at a column of the file other than 1 (an indented block,
    /// an inline expression). Columns 0 (the whole line) stay 0.
    public func shiftingColumns(by offset: Int) -> Diagnostic {
        guard offset != 0 else { return self }
        func shift(_ range: SourceRange) -> SourceRange {
            var range = range
            if range.start.column > 0 { range.start.column += offset }
            if range.end.column > 0 { range.end.column += offset }
            return range
        }
        var shifted = self
        shifted.range = shift(range)
        shifted.notes = notes.map { Note($0.message, at: $0.range.map(shift)) }
        shifted.fixIt = fixIt.map { FixIt(replacing: shift($0.range), with: $0.replacement) }
        return shifted
    }
}
