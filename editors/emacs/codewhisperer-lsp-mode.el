;;; codewhisperer-lsp-mode.el --- CodeWhisperer (codewhisperer-lsp) with lsp-mode  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (lsp-mode "9.0"))
;; Keywords: tools, languages, convenience

;;; Commentary:

;; Registers codewhisperer-lsp as an lsp-mode add-on client (it runs next to your usual language
;; server) for the 15 languages, with lsp-mode's own inline completion (lsp-inline-completion,
;; lsp-mode 9.0+):
;;   M-c        ask for suggestions (lsp-inline-completion-display)
;;   TAB        accept (the item's command runs, so the server counts it and logs its references)
;;   C-g / ESC  dismiss
;;   M-] / M-[  next / previous suggestion
;; Commands: codewhisperer-lsp-pause, -resume, -security-scan, -stop-security-scan,
;; -show-scanned-files, -reference-log (a buffer that follows the codewhisperer/referenceLog stream).
;;
;;   (require 'codewhisperer-lsp-mode)
;;   (add-hook 'python-mode-hook #'lsp-deferred)

;;; Code:

(require 'cl-lib)
(require 'lsp-mode)
(require 'lsp-inline-completion nil t)
(declare-function lsp-inline-completion-mode "lsp-inline-completion")
(declare-function lsp-inline-completion-accept "lsp-inline-completion")
(declare-function lsp-inline-completion-cancel "lsp-inline-completion")
(declare-function lsp-inline-completion-next "lsp-inline-completion")
(declare-function lsp-inline-completion-prev "lsp-inline-completion")
(defvar lsp-inline-completion-active-map)

(defgroup codewhisperer-lsp nil "Self-hosted CodeWhisperer (codewhisperer-lsp) for lsp-mode." :group 'lsp-mode)

(defcustom codewhisperer-lsp-server-command '("codewhisperer-lsp")
  "Command (program and arguments) that starts the server."
  :type '(repeat string))

(defcustom codewhisperer-lsp-settings nil
  "The server's `codewhisperer' settings as a plist.
For example (:numSuggestions 3 :security (:autoScanOnSave t)); sent as
initializationOptions and as the answer to workspace/configuration."
  :type 'plist)

(defcustom codewhisperer-lsp-auto-suggestions t
  "Ask for suggestions while typing (`lsp-inline-completion-mode')."
  :type 'boolean)

(defconst codewhisperer-lsp-language-ids
  '("python" "java" "javascript" "javascriptreact" "typescript" "typescriptreact" "csharp" "ruby" "go"
    "php" "cpp" "c" "shellscript" "scala" "rust" "kotlin" "sql")
  "lsp-mode language ids served by codewhisperer-lsp.")

(defvar codewhisperer-lsp-status nil "The last codewhisperer/status params.")

(defun codewhisperer-lsp--on-status (_workspace params)
  (setq codewhisperer-lsp-status params)
  (when (equal (lsp-get params :state) "failing")
    (lsp--warn "CodeWhisperer: model unavailable: %s" (lsp-get params :message))))

(defun codewhisperer-lsp--on-reference-log (_workspace entry)
  (codewhisperer-lsp--log-append (list entry)))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () codewhisperer-lsp-server-command))
  :activation-fn (lambda (&rest _) (member (lsp-buffer-language) codewhisperer-lsp-language-ids))
  :server-id 'codewhisperer
  :add-on? t
  :priority -1
  :initialization-options (lambda () (or codewhisperer-lsp-settings (make-hash-table)))
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration `(:codewhisperer ,(or codewhisperer-lsp-settings (make-hash-table))))))
  :notification-handlers (ht ("codewhisperer/status" #'codewhisperer-lsp--on-status)
                             ("codewhisperer/referenceLog" #'codewhisperer-lsp--on-reference-log))))

(defun codewhisperer-lsp-execute (command &optional arguments then)
  "Run the server's COMMAND with ARGUMENTS (a vector); call THEN with the result."
  (lsp-request-async "workspace/executeCommand" (list :command command :arguments (or arguments []))
                     (lambda (result) (when then (funcall then result)))
                     :error-handler (lambda (error) (lsp--error "CodeWhisperer: %s failed: %s" command
                                                                (lsp-get error :message)))
                     :mode 'detached))

(defun codewhisperer-lsp-pause ()
  "Pause auto-suggestions (M-c still asks)."
  (interactive)
  (when (bound-and-true-p lsp-inline-completion-mode) (lsp-inline-completion-mode -1))
  (codewhisperer-lsp-execute "codewhisperer.pauseAutoSuggestions" [] (lambda (_) (message "CodeWhisperer: paused"))))

(defun codewhisperer-lsp-resume ()
  "Resume auto-suggestions."
  (interactive)
  (when (and codewhisperer-lsp-auto-suggestions (fboundp 'lsp-inline-completion-mode))
    (lsp-inline-completion-mode 1))
  (codewhisperer-lsp-execute "codewhisperer.resumeAutoSuggestions" [] (lambda (_) (message "CodeWhisperer: resumed"))))

(defun codewhisperer-lsp-security-scan ()
  "Scan this file and what it imports; the findings arrive as diagnostics."
  (interactive)
  (message "CodeWhisperer: security scan started")
  (codewhisperer-lsp-execute
   "codewhisperer.startSecurityScan" (vector (list :uri (lsp--buffer-uri)))
   (lambda (result)
     (message "CodeWhisperer: security scan %s: %s finding(s) in %d file(s)" (lsp-get result :status)
              (lsp-get result :findings) (length (lsp-get result :scannedFiles))))))

(defun codewhisperer-lsp-stop-security-scan ()
  "Stop the running security scan."
  (interactive)
  (codewhisperer-lsp-execute "codewhisperer.stopSecurityScan"))

(defun codewhisperer-lsp-show-scanned-files ()
  "List the files the last security scan read and skipped."
  (interactive)
  (codewhisperer-lsp-execute
   "codewhisperer.showScannedFiles" []
   (lambda (result)
     (with-current-buffer (get-buffer-create "*CodeWhisperer Scanned Files*")
       (let ((inhibit-read-only t))
         (erase-buffer)
         (seq-doseq (uri (lsp-get result :scannedFiles)) (insert "scanned  " (lsp--uri-to-path uri) "\n"))
         (seq-doseq (skipped (lsp-get result :skippedFiles))
           (insert "skipped  " (lsp--uri-to-path (lsp-get skipped :uri)) "  (" (lsp-get skipped :reason) ")\n")))
       (special-mode)
       (display-buffer (current-buffer))))))

;;; Code Reference Log

(defconst codewhisperer-lsp-log-buffer "*CodeWhisperer Reference Log*")

(defun codewhisperer-lsp--log-append (entries)
  (when-let ((buffer (get-buffer codewhisperer-lsp-log-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (save-excursion
          (goto-char (point-max))
          (seq-doseq (entry entries)
            (let ((start (lsp-get (lsp-get entry :range) :start)))
              (insert (format "[%s] %s:%d\n  %s\n" (lsp-get entry :timestamp)
                              (abbreviate-file-name (lsp--uri-to-path (lsp-get entry :uri)))
                              (1+ (or (lsp-get start :line) 0)) (lsp-get entry :message)))
              (seq-doseq (ref (lsp-get entry :references))
                (insert (format "  - %s  %s  %s\n" (lsp-get ref :licenseName) (lsp-get ref :repository)
                                (lsp-get ref :url))))))))
      (dolist (window (get-buffer-window-list buffer nil t))
        (set-window-point window (point-max))))))

(defun codewhisperer-lsp-reference-log ()
  "Open the Code Reference Log: the history, then each entry as it is accepted."
  (interactive)
  (let ((buffer (get-buffer-create codewhisperer-lsp-log-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t)) (erase-buffer))
      (special-mode))
    (cl-labels ((page (offset)
                  (lsp-request-async "codewhisperer/getReferenceLog" (list :offset offset :limit 200)
                                     (lambda (result)
                                       (let ((entries (lsp-get result :entries)))
                                         (codewhisperer-lsp--log-append entries)
                                         (when (and (> (length entries) 0)
                                                    (< (+ offset (length entries)) (lsp-get result :total)))
                                           (page (+ offset (length entries))))))
                                     :mode 'detached)))
      (page 0))
    (display-buffer buffer)))

;;; Keys

(defun codewhisperer-lsp--keys ()
  (when (and (fboundp 'lsp-inline-completion-display)
             (seq-some (lambda (ws) (eq (lsp--client-server-id (lsp--workspace-client ws)) 'codewhisperer))
                       (lsp-workspaces)))
    (local-set-key (kbd "M-c") #'lsp-inline-completion-display)
    (when (boundp 'lsp-inline-completion-active-map)
      (define-key lsp-inline-completion-active-map (kbd "TAB") #'lsp-inline-completion-accept)
      (define-key lsp-inline-completion-active-map (kbd "<tab>") #'lsp-inline-completion-accept)
      (define-key lsp-inline-completion-active-map (kbd "<escape>") #'lsp-inline-completion-cancel)
      (define-key lsp-inline-completion-active-map (kbd "M-]") #'lsp-inline-completion-next)
      (define-key lsp-inline-completion-active-map (kbd "M-[") #'lsp-inline-completion-prev))
    (when codewhisperer-lsp-auto-suggestions
      (lsp-inline-completion-mode 1))))

(add-hook 'lsp-after-open-hook #'codewhisperer-lsp--keys)

(provide 'codewhisperer-lsp-mode)
;;; codewhisperer-lsp-mode.el ends here
