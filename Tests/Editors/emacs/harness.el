;;; harness.el --- drive batch Emacs + Eglot with the SHIPPED rc-lsp setup and report what it stored  -*- lexical-binding: t; -*-

;; Run as: emacs -Q --batch -l editors/emacs/rc-lsp-eglot.el -l harness.el
;; with RC_LSP_HARNESS = JSON {file, out, hovers: [[line, character], ...], stepTimeoutMs, diagnostics}
;; (diagnostics: false to not wait for published diagnostics)
;; (0-based LSP positions).  Writes JSON: the server Eglot started, the inlay-hint overlays Eglot painted,
;; the hover text Eglot's eldoc function produced, the Flymake diagnostics after opening and after
;; `save-buffer', and how the server exited.  It asserts nothing: EditorEmacsTests.swift does.
;; Every wait is bounded; on an error the JSON still gets written with an "error" field.

;;; Code:

(require 'json)
(require 'eglot)
(require 'flymake)

(defvar rc-harness-job (json-parse-string (or (getenv "RC_LSP_HARNESS") "null")
                                          :object-type 'plist :array-type 'list))
(defvar rc-harness-out (list :emacs emacs-version :steps []))
(defvar rc-harness-start (float-time))
(defvar rc-harness-wait-diagnostics (not (eq (plist-get rc-harness-job :diagnostics) :false)))
(defvar rc-harness-step-timeout (/ (or (plist-get rc-harness-job :stepTimeoutMs) 10000) 1000.0))

(defvar rc-harness-published 0 "How many publishDiagnostics notifications Eglot handled.")
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &rest _)
  (setq rc-harness-published (1+ rc-harness-published)))

(defun rc-harness-put (key value)
  (setq rc-harness-out (plist-put rc-harness-out key value)))

(defun rc-harness-step (what)
  (rc-harness-put :steps (vconcat (plist-get rc-harness-out :steps)
                                 (vector (format "%6d ms  %s" (* 1000 (- (float-time) rc-harness-start)) what)))))

(defun rc-harness-wait (predicate)
  "Process events until PREDICATE holds or the step timeout passes; return whether it held."
  (let ((deadline (+ (float-time) rc-harness-step-timeout)) held)
    (while (and (not (setq held (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (and held t)))

(defun rc-harness-position (pos)
  "POS as a 0-based (LINE . UTF-16 CHARACTER), counted as Eglot does."
  (save-excursion
    (goto-char pos)
    (let ((lsp (eglot--pos-to-lsp-position pos)))
      (cons (plist-get lsp :line) (plist-get lsp :character)))))

(defun rc-harness-hints ()
  "The inlay hints Eglot painted, at the LSP position each names.
Eglot paints a label of several parts as one overlay per part, all at the hint's position, ordered by
`priority' (first part highest); they are joined back into one label here."
  (let (parts hints)
    (dolist (ov (overlays-in (point-min) (point-max)))
      (when (overlay-get ov 'eglot--inlay-hint)
        (let* ((after (overlay-get ov 'after-string))
               ;; after-string overlays sit on the character before the hint's position.
               (lc (rc-harness-position (if after (overlay-end ov) (overlay-start ov)))))
          (push (list (car lc) (cdr lc) (or (overlay-get ov 'priority) 0)
                      (substring-no-properties (or after (overlay-get ov 'before-string) "")))
                parts))))
    (setq parts (sort parts (lambda (a b) (or (< (nth 0 a) (nth 0 b))
                                              (and (= (nth 0 a) (nth 0 b))
                                                   (or (< (nth 1 a) (nth 1 b))
                                                       (and (= (nth 1 a) (nth 1 b)) (> (nth 2 a) (nth 2 b)))))))))
    (dolist (p parts)
      (let ((last (car hints)))
        (if (and last (= (plist-get last :line) (nth 0 p)) (= (plist-get last :character) (nth 1 p)))
            (plist-put last :text (concat (plist-get last :text) (nth 3 p)))
          (push (list :line (nth 0 p) :character (nth 1 p) :text (nth 3 p)) hints))))
    (nreverse hints)))

(defun rc-harness-diagnostics ()
  (let (out)
    (dolist (d (flymake-diagnostics (point-min) (point-max)))
      (let ((lc (rc-harness-position (flymake-diagnostic-beg d)))
            (lsp (flymake-diagnostic-data d)))
        (push (list :line (car lc) :character (cdr lc)
                    :type (symbol-name (flymake-diagnostic-type d))
                    :text (flymake-diagnostic-text d)
                    :code (let ((c (and (listp lsp) (plist-get (cdr (assoc 'eglot-lsp-diag lsp)) :code))))
                            (if c (format "%s" c) :null)))
              out)))
    (sort out (lambda (a b) (< (plist-get a :line) (plist-get b :line))))))

(defun rc-harness-hover (line character)
  "What Eglot's eldoc function shows at LINE:CHARACTER, or :null."
  (goto-char (eglot--lsp-position-to-point (list :line line :character character)))
  (let (shown answered)
    (eglot-hover-eldoc-function (lambda (doc &rest _) (setq shown doc answered t)))
    (rc-harness-wait (lambda () answered))
    (list :line line :character character
          :contents (if shown (substring-no-properties shown) :null)
          :answered (if answered t :false))))

(defun rc-harness-run ()
  (let* ((file (plist-get rc-harness-job :file))
         (buf (find-file-noselect file))
         server)
    ;; Shown in the selected window: Eglot answers hovers only for a buffer that has a window.
    (switch-to-buffer buf)
    (rc-harness-put :major_mode (symbol-name major-mode))
    (rc-harness-step (format "visiting %s" file))
    ;; What `M-x eglot' does, without its prompts: the server for this buffer from `eglot-server-programs'.
    (let ((guess (eglot--guess-contact)))
      (apply #'eglot guess))
    (unless (rc-harness-wait (lambda () (and (eglot-current-server) eglot--managed-mode)))
      (error "Eglot did not manage the buffer within the step timeout"))
    (setq server (eglot-current-server))
    (rc-harness-step "managed")
    (let ((proc (jsonrpc--process server))
          (info (eglot--server-info server)))
      (rc-harness-put :server
                      (list :command (vconcat (process-command proc))
                            :name (or (plist-get info :name) :null)
                            :project_root (expand-file-name (project-root (eglot--project server)))
                            :inlay_hints_mode (if eglot-inlay-hints-mode t :false)
                            ;; rc-lsp-settings uses Eglot's :json-false; re-read as this report's :false.
                            :settings (json-parse-string (json-serialize rc-lsp-settings :false-object :json-false)
                                                         :object-type 'plist :false-object :false)
                            :provides (list :hover (if (eglot-server-capable :hoverProvider) t :false)
                                            :inlayHint (if (eglot-server-capable :inlayHintProvider) t :false)
                                            :completion (if (eglot-server-capable :completionProvider) t :false)
                                            :formatting (if (eglot-server-capable :documentFormattingProvider) t :false)))))
    ;; Inlay hints.  Batch Emacs has no redisplay, so jit-lock never asks for the visible region; ask as
    ;; jit-lock's function would, for the whole buffer.  Then our own request, answered after Eglot's (the
    ;; server answers in order), says how many hints Eglot should have painted.
    (when eglot-inlay-hints-mode
      (eglot--update-hints-1 (point-min) (point-max)))
    (let* ((answer (and (eglot-server-capable :inlayHintProvider)
                        (jsonrpc-request server :textDocument/inlayHint
                                    (list :textDocument (eglot--TextDocumentIdentifier)
                                          :range (list :start (eglot--pos-to-lsp-position (point-min))
                                                       :end (eglot--pos-to-lsp-position (point-max))))
                                    :timeout rc-harness-step-timeout)))
           (expected (length answer)))
      (rc-harness-wait (lambda () (>= (length (rc-harness-hints)) expected)))
      (rc-harness-put :inlay_hints (vconcat (rc-harness-hints)))
      (rc-harness-step (format "inlay hints: %d painted, %d answered" (length (rc-harness-hints)) expected)))
    ;; Hovers.
    (rc-harness-put :hovers (vconcat (and (eglot-server-capable :hoverProvider)
                                          (mapcar (lambda (p) (rc-harness-hover (nth 0 p) (nth 1 p)))
                                                  (plist-get rc-harness-job :hovers)))))
    (rc-harness-step "hovers")
    ;; Diagnostics after opening, then after saving, as Flymake holds them (Eglot is its backend).
    (flymake-mode 1)
    (flymake-start)
    ;; Only waited for when the job asks: a server without diagnostics would cost two step timeouts.
    (rc-harness-put :published_after_open
                    (if (and rc-harness-wait-diagnostics (rc-harness-wait (lambda () (> rc-harness-published 0))))
                        t :false))
    (when rc-harness-wait-diagnostics
      (rc-harness-wait (lambda () (flymake-diagnostics (point-min) (point-max)))))
    (rc-harness-put :diagnostics_after_open (vconcat (rc-harness-diagnostics)))
    (let ((before rc-harness-published))
      (set-buffer-modified-p t)
      (let ((inhibit-message t)) (save-buffer))
      (rc-harness-put :published_after_save
                      (if (and rc-harness-wait-diagnostics
                               (rc-harness-wait (lambda () (> rc-harness-published before))))
                          t :false)))
    (flymake-start)
    (accept-process-output nil 0.2)
    (rc-harness-put :diagnostics_after_save (vconcat (rc-harness-diagnostics)))
    (rc-harness-step "diagnostics")
    ;; A clean shutdown.
    (let ((proc (jsonrpc--process server)))
      (eglot-shutdown server nil rc-harness-step-timeout)
      (rc-harness-wait (lambda () (not (process-live-p proc))))
      (rc-harness-put :server_exit (list :status (symbol-name (process-status proc))
                                         :code (process-exit-status proc))))
    (rc-harness-step "server exited")))

(defun rc-harness-finish (code)
  (let ((coding-system-for-write 'utf-8-unix)
        (json (json-serialize rc-harness-out :null-object :null :false-object :false)))
    (with-temp-file (plist-get rc-harness-job :out)
      (insert (if (multibyte-string-p json) json (decode-coding-string json 'utf-8)))))
  (kill-emacs code))

(if (not (plist-get rc-harness-job :out))
    (progn (message "harness.el: set RC_LSP_HARNESS to JSON {file, out, hovers}") (kill-emacs 3))
  (condition-case err
      (progn (rc-harness-run) (rc-harness-finish 0))
    (error (rc-harness-put :error (error-message-string err))
           (rc-harness-finish 7))))

;;; harness.el ends here
