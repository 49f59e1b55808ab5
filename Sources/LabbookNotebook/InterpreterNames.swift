import LabbookInterpreter

/// The interpreter's source excerpt (a window of at most 120 columns around a diagnostic's
/// column), under the notebook's name so that the report quotes source lines as `check` and
/// the interpreter do without importing the interpreter.
public typealias SourceExcerpt = LabbookInterpreter.SourceExcerpt
