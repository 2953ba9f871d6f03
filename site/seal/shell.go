package seal

import (
	_ "embed"
	"html/template"

	"github.com/opros/opros/compiler/localize"
)

//go:embed shell.js
var shellJS string

// texts of the shell page. A page carries only its own language: the reader
// of a Russian deliverable may not read English.
var texts = localize.Table{
	"title":    {En: "Protected report", Ru: "Защищённый отчёт"},
	"intro":    {En: "This report is encrypted. Enter the passphrase you received with it; it opens in this browser and is never sent anywhere.", Ru: "Этот отчёт зашифрован. Введите парольную фразу, которую вы получили вместе с ним: отчёт расшифровывается в этом браузере, фраза никуда не отправляется."},
	"label":    {En: "Passphrase", Ru: "Парольная фраза"},
	"open":     {En: "Open the report", Ru: "Открыть отчёт"},
	"busy":     {En: "Decrypting…", Ru: "Расшифровка…"},
	"wrong":    {En: "Wrong passphrase: the report stays closed. Check the passphrase and try again.", Ru: "Неверная парольная фраза: отчёт не открыт. Проверьте фразу и попробуйте ещё раз."},
	"nocrypto": {En: "This browser cannot decrypt the report: it needs WebCrypto, which browsers offer only on https:// addresses (and local files). Open the report over https or in a current browser.", Ru: "Этот браузер не может расшифровать отчёт: нужен WebCrypto, а браузеры дают его только на адресах https:// (и для локальных файлов). Откройте отчёт по https или в современном браузере."},
	"noscript": {En: "This report is encrypted and is decrypted in the browser: please turn on JavaScript to read it.", Ru: "Этот отчёт зашифрован и расшифровывается в браузере: чтобы его прочитать, включите JavaScript."},
	"broken":   {En: "This page is damaged and cannot be decrypted. Ask for the report again.", Ru: "Страница повреждена, расшифровать её нельзя. Запросите отчёт заново."},
}

// The shell names nothing of the page: a generic title, the form, and the
// ciphertext. Its form stays hidden until the script runs, so a reader
// without JavaScript sees only the noscript text.
var shell = template.Must(template.New("shell").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{{.T.title}}</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#fff}
main{max-width:30rem;margin:12vh auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
input{font:inherit;width:100%;padding:.5rem .6rem;border:1px solid #6e7781;border-radius:6px}
button{font:inherit;margin-top:.8rem;padding:.5rem 1rem;border:0;border-radius:6px;background:#0b5394;color:#fff;cursor:pointer}
button[disabled]{background:#59636e}
:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
#seal-error{color:#b3261e;font-weight:600}
#seal-status{color:#59636e}
</style></head>
<body><main>
<h1>{{.T.title}}</h1>
<noscript><p>{{.T.noscript}}</p></noscript>
<form id="seal-form" hidden>
<p>{{.T.intro}}</p>
<label for="seal-pass">{{.T.label}}</label>
<input id="seal-pass" type="password" autocomplete="current-password" required aria-describedby="seal-error">
<button type="submit">{{.T.open}}</button>
</form>
<p id="seal-status" aria-live="polite"></p>
<p id="seal-error" role="alert" aria-live="assertive"></p>
<div id="seal-texts" hidden data-busy="{{.T.busy}}" data-wrong="{{.T.wrong}}" data-nocrypto="{{.T.nocrypto}}" data-broken="{{.T.broken}}"></div>
</main>
<script type="application/json" id="sealed">{{.Data}}</script>
<script>{{.JS}}</script>
</body></html>
`))
