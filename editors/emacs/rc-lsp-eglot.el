;;; rc-lsp-eglot.el --- rc-lsp for Eglot: CPython reference counts, heap targets and cycles  -*- lexical-binding: t; -*-

;; Load this file (or copy its forms into your init file), then `M-x eglot' in a Python buffer.
;; Needs Emacs 29 or later (Eglot and `eglot-inlay-hints-mode' are built in).
;;
;; Eglot talks to ONE server per major mode and project.  By default this file makes that server rc-lsp.
;; To keep your Python server (basedpyright, pyright, pylsp, ruff...) as well, set
;; `rc-lsp-eglot-companion' to its command: both then run behind the `rass' multiplexer
;; (pip install rassumfrassum).  rass sends hovers and inlay hints to its first server only, so rc-lsp
;; comes first; completion, formatting and rename go to the server that offers them (yours), and
;; diagnostics, definitions, references and code actions are merged from both.

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
Sent as initializationOptions and as workspace configuration, read when
Eglot starts the server.  Booleans are t and :json-false.  After changing
them while the server runs, call `rc-lsp-apply-settings'."
  :type 'sexp
  :set (lambda (symbol value)
         (set-default symbol value)
         (when (fboundp 'rc-lsp--publish-settings) (rc-lsp--publish-settings))))

(defcustom rc-lsp-eglot-companion nil
  "Another Python server to run beside rc-lsp, as a command list.
For example (\"basedpyright-langserver\" \"--stdio\").  When non-nil, Eglot
starts `rass -- rc-lsp -- COMPANION': rc-lsp answers hovers and inlay hints,
the companion completion and formatting."
  :type '(choice (const :tag "rc-lsp alone" nil) (repeat string)))

(defun rc-lsp--publish-settings ()
  "Put `rc-lsp-settings' in the default `eglot-workspace-configuration'.
Under :rc-lsp.
That is what Eglot answers to workspace/configuration and sends with
workspace/didChangeConfiguration; other servers only read their own
sections.  A configuration that is a function (the user's own) is left alone."
  (let ((config (default-value 'eglot-workspace-configuration)))
    (unless (functionp config)
      (setq-default eglot-workspace-configuration
                    (plist-put (copy-sequence config) :rc-lsp rc-lsp-settings)))))

(defun rc-lsp-apply-settings ()
  "Send the current `rc-lsp-settings' to the current buffer's server."
  (interactive)
  (rc-lsp--publish-settings)
  (let ((server (eglot-current-server)))
    (when server (eglot-signal-didChangeConfiguration server))))

(defun rc-lsp-eglot-contact (&optional _interactive _project)
  "The command Eglot runs for Python buffers.
rc-lsp alone, or behind `rass' with `rc-lsp-eglot-companion'."
  ;; Read the settings now, not when this file was loaded: the user may have set them since.
  (rc-lsp--publish-settings)
  (append (if rc-lsp-eglot-companion
              (append (list "rass" "--" rc-lsp-program "--") rc-lsp-eglot-companion)
            (list rc-lsp-program))
          (list :initializationOptions rc-lsp-settings)))

;; First in the list, so it wins over Eglot's built-in entry for Python.
(add-to-list 'eglot-server-programs '((python-mode python-ts-mode) . rc-lsp-eglot-contact))

(rc-lsp--publish-settings)

;; Eglot turns `eglot-inlay-hints-mode' on in every buffer it manages; this keeps it on for rc-lsp
;; even where a user's init turned it off globally.
(add-hook 'eglot-managed-mode-hook
          (lambda ()
            (when (and (eglot-managed-p) (derived-mode-p 'python-mode 'python-ts-mode))
              (eglot-inlay-hints-mode 1))))

(provide 'rc-lsp-eglot)
;;; rc-lsp-eglot.el ends here
