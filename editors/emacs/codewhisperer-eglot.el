;;; codewhisperer-eglot.el --- CodeWhisperer (codewhisperer-lsp) with eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: tools, languages, convenience

;;; Commentary:

;; Registers codewhisperer-lsp with eglot for the 15 languages: security findings arrive as
;; Flymake diagnostics, and the server's commands are interactive commands here:
;;   M-x codewhisperer-eglot-security-scan        scan this file and what it imports
;;   M-x codewhisperer-eglot-stop-security-scan
;;   M-x codewhisperer-eglot-show-scanned-files
;;   M-x codewhisperer-eglot-pause / -resume      auto-suggestions
;;   M-x codewhisperer-eglot-reference-log        the Code Reference Log (follows the stream)
;; eglot has no inline completion, so `codewhisperer-eglot-suggest' (M-c) asks for one and shows
;; it as an overlay: TAB accepts, ESC or C-g dismisses, M-] / M-[ cycle.
;;
;;   (require 'codewhisperer-eglot)
;;   (setq codewhisperer-eglot-server-command '("codewhisperer-lsp"))
;;   (add-hook 'python-mode-hook #'eglot-ensure)

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'jsonrpc)

(defgroup codewhisperer nil "Self-hosted CodeWhisperer (codewhisperer-lsp)." :group 'tools)

(defcustom codewhisperer-eglot-server-command '("codewhisperer-lsp")
  "Command (program and arguments) that starts the server."
  :type '(repeat string))

(defcustom codewhisperer-eglot-settings nil
  "The server's `codewhisperer' settings as a plist.
For example (:numSuggestions 3 :security (:autoScanOnSave t)); sent as
initializationOptions."
  :type 'plist)

(defconst codewhisperer-eglot-modes
  '(python-mode python-ts-mode java-mode java-ts-mode js-mode js-ts-mode js-jsx-mode typescript-mode
    typescript-ts-mode tsx-ts-mode csharp-mode csharp-ts-mode ruby-mode ruby-ts-mode go-mode go-ts-mode
    php-mode c-mode c-ts-mode c++-mode c++-ts-mode sh-mode bash-ts-mode scala-mode rust-mode rust-ts-mode
    kotlin-mode sql-mode)
  "Major modes served by codewhisperer-lsp.")

(defclass codewhisperer-eglot-server (eglot-lsp-server) ()
  "An eglot connection to codewhisperer-lsp.")

(defvar codewhisperer-eglot-status nil "The last codewhisperer/status params (a plist).")
(defvar codewhisperer-eglot-last-scan nil "The last security scan summary (a plist).")

(defun codewhisperer-eglot--contact (&rest _)
  (cons 'codewhisperer-eglot-server codewhisperer-eglot-server-command))

(add-to-list 'eglot-server-programs (cons codewhisperer-eglot-modes #'codewhisperer-eglot--contact))

(cl-defmethod eglot-initialization-options ((_ codewhisperer-eglot-server))
  (or codewhisperer-eglot-settings eglot--{}))

(cl-defmethod eglot-handle-notification ((_ codewhisperer-eglot-server) (_ (eql codewhisperer/status))
                                         &rest params)
  (setq codewhisperer-eglot-status params)
  (when (equal (plist-get params :state) "failing")
    (message "CodeWhisperer: model unavailable: %s" (plist-get params :message))))

(cl-defmethod eglot-handle-notification ((_ codewhisperer-eglot-server) (_ (eql codewhisperer/referenceLog))
                                         &rest entry)
  (codewhisperer-eglot--log-append (list entry)))

(defun codewhisperer-eglot--server ()
  (let ((server (eglot-current-server)))
    (unless (cl-typep server 'codewhisperer-eglot-server)
      (user-error "CodeWhisperer: this buffer is not connected to codewhisperer-lsp (M-x eglot)"))
    server))

(defun codewhisperer-eglot-execute (command arguments &optional then)
  "Run the server's COMMAND with ARGUMENTS (a vector) asynchronously.
Call THEN with the result."
  (jsonrpc-async-request (codewhisperer-eglot--server) :workspace/executeCommand
                         (list :command command :arguments (or arguments []))
                         :success-fn (lambda (result) (when then (funcall then result)))
                         :error-fn (lambda (error) (message "CodeWhisperer: %s failed: %s" command
                                                            (plist-get error :message)))
                         :timeout 600))

;;; Commands

(defun codewhisperer-eglot-pause ()
  "Pause auto-suggestions (M-c still asks)."
  (interactive)
  (codewhisperer-eglot-execute "codewhisperer.pauseAutoSuggestions" []
                               (lambda (_) (message "CodeWhisperer: auto-suggestions paused"))))

(defun codewhisperer-eglot-resume ()
  "Resume auto-suggestions."
  (interactive)
  (codewhisperer-eglot-execute "codewhisperer.resumeAutoSuggestions" []
                               (lambda (_) (message "CodeWhisperer: auto-suggestions resumed"))))

(defun codewhisperer-eglot-security-scan ()
  "Scan this file and what it imports; the findings arrive as Flymake diagnostics."
  (interactive)
  (message "CodeWhisperer: security scan started")
  (codewhisperer-eglot-execute
   "codewhisperer.startSecurityScan" (vector (list :uri (eglot--path-to-uri buffer-file-name)))
   (lambda (result)
     (setq codewhisperer-eglot-last-scan result)
     (message "CodeWhisperer: security scan %s: %s finding(s) in %d file(s), %d skipped"
              (plist-get result :status) (plist-get result :findings)
              (length (plist-get result :scannedFiles)) (length (plist-get result :skippedFiles))))))

(defun codewhisperer-eglot-stop-security-scan ()
  "Stop the running security scan."
  (interactive)
  (codewhisperer-eglot-execute "codewhisperer.stopSecurityScan" []))

(defun codewhisperer-eglot-show-scanned-files ()
  "List the files the last security scan read and skipped."
  (interactive)
  (codewhisperer-eglot-execute
   "codewhisperer.showScannedFiles" []
   (lambda (result)
     (with-current-buffer (get-buffer-create "*CodeWhisperer Scanned Files*")
       (let ((inhibit-read-only t))
         (erase-buffer)
         (seq-doseq (uri (plist-get result :scannedFiles))
           (insert "scanned  " (eglot--uri-to-path uri) "\n"))
         (seq-doseq (skipped (plist-get result :skippedFiles))
           (insert "skipped  " (eglot--uri-to-path (plist-get skipped :uri))
                   "  (" (plist-get skipped :reason) ")\n")))
       (special-mode)
       (display-buffer (current-buffer))))))

;;; Code Reference Log

(defconst codewhisperer-eglot-log-buffer "*CodeWhisperer Reference Log*")

(defun codewhisperer-eglot--log-lines (entry)
  (let* ((range (plist-get entry :range))
         (line (1+ (or (plist-get (plist-get range :start) :line) 0))))
    (concat (format "[%s] %s:%d\n  %s\n" (plist-get entry :timestamp)
                    (abbreviate-file-name (eglot--uri-to-path (plist-get entry :uri))) line
                    (plist-get entry :message))
            (mapconcat (lambda (ref) (format "  - %s  %s  %s\n" (plist-get ref :licenseName)
                                             (plist-get ref :repository) (plist-get ref :url)))
                       (plist-get entry :references) ""))))

(defun codewhisperer-eglot--log-append (entries)
  "Append ENTRIES to the log buffer when it exists.
The buffer follows the codewhisperer/referenceLog stream."
  (when-let ((buffer (get-buffer codewhisperer-eglot-log-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (save-excursion
          (goto-char (point-max))
          (seq-doseq (entry entries) (insert (codewhisperer-eglot--log-lines entry)))))
      (dolist (window (get-buffer-window-list buffer nil t))
        (set-window-point window (point-max))))))

(defun codewhisperer-eglot-reference-log ()
  "Open the Code Reference Log.
It shows the logged history, then each new entry as it is accepted."
  (interactive)
  (let ((server (codewhisperer-eglot--server))
        (buffer (get-buffer-create codewhisperer-eglot-log-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t)) (erase-buffer))
      (special-mode))
    (cl-labels ((page (offset)
                  (jsonrpc-async-request
                   server :codewhisperer/getReferenceLog (list :offset offset :limit 200)
                   :success-fn (lambda (result)
                                 (let ((entries (plist-get result :entries)))
                                   (codewhisperer-eglot--log-append entries)
                                   (when (and (> (length entries) 0)
                                              (< (+ offset (length entries)) (plist-get result :total)))
                                     (page (+ offset (length entries)))))))))
      (page 0))
    (display-buffer buffer)
    buffer))

;;; Suggestions (eglot has no inline completion: an overlay stands in for it)

(defface codewhisperer-eglot-ghost '((t :inherit shadow)) "Face of a suggestion not yet accepted.")

(defvar-local codewhisperer-eglot--items nil "The suggestions shown at point: a vector of items.")
(defvar-local codewhisperer-eglot--index 0)
(defvar-local codewhisperer-eglot--overlay nil)

(defvar codewhisperer-eglot-suggestion-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "TAB") #'codewhisperer-eglot-accept)
    (define-key map (kbd "<tab>") #'codewhisperer-eglot-accept)
    (define-key map (kbd "<escape>") #'codewhisperer-eglot-dismiss)
    (define-key map (kbd "C-g") #'codewhisperer-eglot-dismiss)
    (define-key map (kbd "M-]") #'codewhisperer-eglot-next)
    (define-key map (kbd "M-[") #'codewhisperer-eglot-previous)
    map)
  "Keys active while a suggestion is shown.")

(defun codewhisperer-eglot--item-text (item)
  (let ((text (plist-get item :insertText)))
    (if (stringp text) text (or (plist-get text :value) ""))))

(defun codewhisperer-eglot--show ()
  (when codewhisperer-eglot--overlay (delete-overlay codewhisperer-eglot--overlay))
  (let ((text (codewhisperer-eglot--item-text (aref codewhisperer-eglot--items codewhisperer-eglot--index)))
        (overlay (make-overlay (point) (point) nil nil t)))
    (put-text-property 0 1 'cursor t text)
    (overlay-put overlay 'after-string (propertize text 'face 'codewhisperer-eglot-ghost))
    (overlay-put overlay 'keymap codewhisperer-eglot-suggestion-map)
    (overlay-put overlay 'priority 1000)
    (setq codewhisperer-eglot--overlay overlay)))

(defun codewhisperer-eglot-visible-p ()
  "Non-nil when a suggestion is shown in this buffer."
  (and codewhisperer-eglot--overlay (overlay-buffer codewhisperer-eglot--overlay) t))

(defun codewhisperer-eglot-current ()
  "The text of the suggestion shown, or nil."
  (when (codewhisperer-eglot-visible-p)
    (codewhisperer-eglot--item-text (aref codewhisperer-eglot--items codewhisperer-eglot--index))))

(defun codewhisperer-eglot-suggest ()
  "Ask for suggestions at point and show the first as an overlay.
TAB accepts, ESC or C-g dismisses, M-] and M-[ cycle."
  (interactive)
  (codewhisperer-eglot-dismiss)
  (let ((buffer (current-buffer))
        (tick (buffer-chars-modified-tick))
        (start (point)))
    (jsonrpc-async-request
     (codewhisperer-eglot--server) :textDocument/inlineCompletion
     (append (eglot--TextDocumentPositionParams) (list :context (list :triggerKind 1)))
     :success-fn
     (lambda (result)
       (when (buffer-live-p buffer)
         (with-current-buffer buffer
           (let ((items (if (vectorp result) result (plist-get result :items))))
             (when (and (> (length items) 0) (= tick (buffer-chars-modified-tick)) (= start (point)))
               (setq codewhisperer-eglot--items items codewhisperer-eglot--index 0)
               (codewhisperer-eglot--show))))))
     :timeout 120)))

(defun codewhisperer-eglot-dismiss ()
  "Hide the suggestion."
  (interactive)
  (when codewhisperer-eglot--overlay
    (delete-overlay codewhisperer-eglot--overlay))
  (setq codewhisperer-eglot--overlay nil codewhisperer-eglot--items nil))

(defun codewhisperer-eglot--cycle (step)
  (when (codewhisperer-eglot-visible-p)
    (setq codewhisperer-eglot--index (mod (+ codewhisperer-eglot--index step) (length codewhisperer-eglot--items)))
    (goto-char (overlay-start codewhisperer-eglot--overlay))
    (codewhisperer-eglot--show)))

(defun codewhisperer-eglot-next () "Show the next suggestion." (interactive) (codewhisperer-eglot--cycle 1))
(defun codewhisperer-eglot-previous () "Show the previous suggestion." (interactive) (codewhisperer-eglot--cycle -1))

(defvar codewhisperer-eglot-last-accept nil "The server's answer to the last accepted suggestion.")

(defun codewhisperer-eglot-accept ()
  "Insert the suggestion shown and run its command."
  (interactive)
  (when (codewhisperer-eglot-visible-p)
    (let* ((item (aref codewhisperer-eglot--items codewhisperer-eglot--index))
           (command (plist-get item :command)))
      (goto-char (overlay-start codewhisperer-eglot--overlay))
      (codewhisperer-eglot-dismiss)
      (insert (codewhisperer-eglot--item-text item))
      (when command
        (codewhisperer-eglot-execute (plist-get command :command) (plist-get command :arguments)
                                     (lambda (result) (setq codewhisperer-eglot-last-accept result)))))))

(defvar codewhisperer-eglot-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "M-c") #'codewhisperer-eglot-suggest)
    map))

(define-minor-mode codewhisperer-eglot-mode
  "M-c asks codewhisperer-lsp for a suggestion in eglot-managed buffers."
  :keymap codewhisperer-eglot-mode-map)

(defun codewhisperer-eglot--managed ()
  (when (cl-typep (eglot-current-server) 'codewhisperer-eglot-server)
    (codewhisperer-eglot-mode (if (eglot-managed-p) 1 -1))))

(add-hook 'eglot-managed-mode-hook #'codewhisperer-eglot--managed)

(provide 'codewhisperer-eglot)
;;; codewhisperer-eglot.el ends here
