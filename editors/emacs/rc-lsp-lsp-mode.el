;;; rc-lsp-lsp-mode.el --- rc-lsp for lsp-mode, as an add-on beside your Python server  -*- lexical-binding: t; -*-

;; Load this file after lsp-mode (9.0 or later for inlay hints).  rc-lsp is registered as an ADD-ON
;; server: lsp-mode starts it in Python buffers next to your main server (lsp-pyright, pylsp, ruff...),
;; merges the diagnostics and hovers, and keeps completion and formatting with the main server (rc-lsp
;; offers neither).  Inlay hints need `lsp-inlay-hint-enable' (set below).

;;; Code:

(require 'lsp-mode)

(defgroup rc-lsp nil
  "CPython reference counts as inlay hints, heap targets on hover, reference-cycle warnings."
  :group 'tools
  :prefix "rc-lsp-")

(defcustom rc-lsp-program "rc-lsp"
  "The rc-lsp executable: a name found on `exec-path', or an absolute file name."
  :type 'string)

(defcustom rc-lsp-inlay-hints-enabled t
  "Show reference counts as inlay hints."
  :type 'boolean)

(defcustom rc-lsp-inlay-hints-show-interned nil
  "Also show hints for shared objects that are never counted (small ints, constants, None, classes)."
  :type 'boolean)

(defcustom rc-lsp-inlay-hints-show-freed t
  "Show `freed' where a statement drops an object's last reference."
  :type 'boolean)

(defcustom rc-lsp-inlay-hints-max-length 60
  "Hint labels longer than this are cut with an ellipsis."
  :type 'integer)

(defcustom rc-lsp-diagnostics-on-change t
  "Report reference cycles while typing (debounced), not only on open and save."
  :type 'boolean)

(defcustom rc-lsp-diagnostics-cycles t
  "Report reference cycles."
  :type 'boolean)

;; Section "rc-lsp": sent with workspace/didChangeConfiguration and answered to workspace/configuration.
;; The third element t marks a boolean, so nil is sent as false.
(lsp-register-custom-settings
 '(("rc-lsp.inlayHints.enabled" rc-lsp-inlay-hints-enabled t)
   ("rc-lsp.inlayHints.showInterned" rc-lsp-inlay-hints-show-interned t)
   ("rc-lsp.inlayHints.showFreed" rc-lsp-inlay-hints-show-freed t)
   ("rc-lsp.inlayHints.maxLength" rc-lsp-inlay-hints-max-length)
   ("rc-lsp.diagnostics.onChange" rc-lsp-diagnostics-on-change t)
   ("rc-lsp.diagnostics.cycles" rc-lsp-diagnostics-cycles t)))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () (list rc-lsp-program)))
  :activation-fn (lsp-activate-on "python")
  :server-id 'rc-lsp
  :add-on? t
  :priority -3
  ;; The same settings as initializationOptions, so the first analysis already uses them.
  :initialization-options (lambda () (gethash "rc-lsp" (lsp-configuration-section "rc-lsp")))
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration (lsp-configuration-section "rc-lsp"))))
  :synchronize-sections '("rc-lsp")))

(setq lsp-inlay-hint-enable t)

(provide 'rc-lsp-lsp-mode)
;;; rc-lsp-lsp-mode.el ends here
