package invite

var ErrorText = errorText

const ErrorCount = errorCount
