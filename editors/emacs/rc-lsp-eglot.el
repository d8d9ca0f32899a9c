;;; rc-lsp-eglot.el --- rc-lsp for Eglot: CPython reference counts, heap targets and cycles  -*- lexical-binding: t; -*-

;; Load this file (or copy its forms into your init file), then `M-x eglot' in a Python buffer.
;; Needs Emacs 29 or later (Eglot and `eglot-inlay-hints-mode' are built in).
;;
;; Eglot talks to ONE server per major mode and project.  By default this file makes that server rc-lsp.
;; To keep your Python server (basedpyright, pyright, pylsp, ruff...) as well, set
;; `rc-lsp-eglot-companion' to its command: both then run behind the `rass' multiplexer
;; (pip install rassumfrassum), your server first, so it keeps completion, formatting and the rest.

;;; Code:

(require 'eglot)

(defgroup rc-lsp nil
  "CPython reference counts as inlay hints, heap targets on hover, reference-cycle warnings."
  :group 'tools
  :prefix "rc-lsp-")

(defcustom rc-lsp-program "rc-lsp"
  "The rc-lsp executable: a name found on `exec-path', or an absolute file name."
  :type 'string)

(defcustom rc-lsp-settings
  '(:inlayHints (:enabled t :showInterned :json-false :showFreed t :maxLength 60)
    :diagnostics (:onChange t :cycles t))
  "The server's settings (section \"rc-lsp\").
Sent as initializationOptions and as workspace configuration.
Booleans are t and :json-false."
  :type 'sexp)

(defcustom rc-lsp-eglot-companion nil
  "Another Python server to run beside rc-lsp, as a command list.
For example (\"basedpyright-langserver\" \"--stdio\").  When non-nil, Eglot
starts `rass -- COMPANION -- rc-lsp' and the companion answers first."
  :type '(choice (const :tag "rc-lsp alone" nil) (repeat string)))

(defun rc-lsp-eglot-contact (&optional _interactive _project)
  "The command Eglot runs for Python buffers.
rc-lsp alone, or behind `rass' with `rc-lsp-eglot-companion'."
  (append (if rc-lsp-eglot-companion
              (append '("rass" "--") rc-lsp-eglot-companion (list "--" rc-lsp-program))
            (list rc-lsp-program))
          (list :initializationOptions rc-lsp-settings)))

;; First in the list, so it wins over Eglot's built-in entry for Python.
(add-to-list 'eglot-server-programs '((python-mode python-ts-mode) . rc-lsp-eglot-contact))

;; Answered to workspace/configuration and sent with workspace/didChangeConfiguration.  Other servers
;; only read their own sections, so this sits beside their settings.
(setq-default eglot-workspace-configuration
              (plist-put (copy-sequence (default-value 'eglot-workspace-configuration))
                         :rc-lsp rc-lsp-settings))

;; Eglot turns `eglot-inlay-hints-mode' on in every buffer it manages; this keeps it on for rc-lsp
;; even where a user's init turned it off globally.
(add-hook 'eglot-managed-mode-hook
          (lambda ()
            (when (and (eglot-managed-p) (derived-mode-p 'python-mode 'python-ts-mode))
              (eglot-inlay-hints-mode 1))))

(provide 'rc-lsp-eglot)
;;; rc-lsp-eglot.el ends here
