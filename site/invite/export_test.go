package invite

var ErrorText = errorText
