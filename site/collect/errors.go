package collect

import (
	"errors"

	"github.com/opros/opros/compiler/localize"
)

// errorID names an error of errorText.
type errorID int

const (
	errInvitationKey errorID = iota
	errLocked
	errLockedUnknown
	errLockFailed
	errBadDropCounts
	errBadProxy
	errRecoverFailed
	errorCount
)

// errorText is the catalogue of the errors a researcher meets from the
// collector on start and stop, in English and Russian; cmd/opros prints
// them in the interface language. What a respondent's form is told stays
// in the HTTP replies. TestErrorText checks both languages take the same
// arguments.
var errorText = localize.Messages[errorID]{
	errInvitationKey: {
		En: "survey %s takes answers by invitation: give the invitation keys file its links were signed with (--keys)",
		Ru: "анкета %s принимает ответы по приглашениям: укажите файл ключей приглашений, которым подписаны ссылки (--keys)",
	},
	errLocked: {
		En: "%s is in use by another collector (pid %d, listening on %s; see %s): stop it first, or give this one another --data folder",
		Ru: "%s занята другим приёмником (pid %d, адрес %s; см. %s): сначала остановите его или укажите этому другую папку --data",
	},
	errLockedUnknown: {
		En: "%s is in use by another collector that is just starting (see %s): stop it first, or give this one another --data folder",
		Ru: "%s занята другим приёмником, который только запускается (см. %s): сначала остановите его или укажите этому другую папку --data",
	},
	errLockFailed: {
		En: "cannot lock %s: %w",
		Ru: "не удаётся заблокировать %s: %w",
	},
	errBadDropCounts: {
		En: "%s does not read as counts of dropped lines by day (%w); move it away to start the counts afresh",
		Ru: "%s не читается как число отброшенных строк по дням (%w); уберите его, чтобы начать счёт заново",
	},
	errBadProxy: {
		En: "a trusted proxy is a CIDR prefix (such as 10.0.0.0/8) or an address, not %q",
		Ru: "доверенный прокси задаётся префиксом CIDR (например, 10.0.0.0/8) или адресом, а не %q",
	},
	errRecoverFailed: {
		En: "%s: cannot set aside its unreadable lines: %w",
		Ru: "%s: не удаётся отложить его нечитаемые строки: %w",
	},
}

// errClosed is what store says once Close has begun: the answer is not
// stored and the form is told to retry (503).
var errClosed = errors.New("collect: the collector is stopping")
