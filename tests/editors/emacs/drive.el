;;; drive.el --- Emacs (batch) with eglot drives codewhisperer-lsp through editors/emacs  -*- lexical-binding: t; -*-
;; Env: CW_PLUGIN (editors/emacs), CW_SERVER (the server command, tab-separated), CW_WORKDIR, CW_RESULT.
;; Connects, waits for the model, asks for a suggestion and accepts it, pauses/resumes, runs a
;; security scan and reads the Flymake diagnostics, opens the reference log. Writes JSON to CW_RESULT.

(require 'json)
(add-to-list 'load-path (getenv "CW_PLUGIN"))
(require 'codewhisperer-eglot)
(setq codewhisperer-eglot-server-command (split-string (getenv "CW_SERVER") "\t")
      codewhisperer-eglot-settings '(:numSuggestions 2)
      eglot-sync-connect t
      make-backup-files nil
      create-lockfiles nil)

(defvar drive-result nil)
(defun drive-step (name &rest data) (push (append (list :step name) data) drive-result))

(defun drive-wait (what seconds predicate)
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "timed out after %ss waiting for %s" seconds what))))

(defun drive-write (name text)
  (let ((path (expand-file-name name (getenv "CW_WORKDIR"))))
    (with-temp-file path (insert text))
    path))

(defun drive-connect (path)
  (find-file path)
  (unless (eglot-managed-p)
    (apply #'eglot--connect (eglot--guess-contact)))
  (drive-wait "eglot to manage the buffer" 30 #'eglot-managed-p))

(defun drive ()
  ;; Connect and wait for the model.
  (drive-connect (drive-write "fib.py" "def fibonacci(n):\n    \"\"\"Return the n-th Fibonacci number.\"\"\"\n    \n"))
  (drive-wait "codewhisperer/status ready" 180
              (lambda () (member (plist-get codewhisperer-eglot-status :state) '("ready" "failing"))))
  (when (equal (plist-get codewhisperer-eglot-status :state) "failing")
    (error "server failing: %s" (plist-get codewhisperer-eglot-status :message)))
  (drive-step "connected" :server (symbol-name (eieio-object-class (eglot-current-server)))
              :status codewhisperer-eglot-status :minor codewhisperer-eglot-mode)
  ;; M-c: a suggestion as an overlay; TAB (the overlay's key) accepts it and runs its command.
  (goto-char (point-min)) (forward-line 2) (end-of-line)
  (let ((before (buffer-string)))
    (execute-kbd-macro (kbd "M-c"))
    (drive-wait "a suggestion overlay" 90 #'codewhisperer-eglot-visible-p)
    (let ((shown (codewhisperer-eglot-current))
          (key (lookup-key (overlay-get codewhisperer-eglot--overlay 'keymap) (kbd "TAB"))))
      (drive-step "suggestion" :text shown :unchanged (equal before (buffer-string)) :tab (symbol-name key))
      (execute-kbd-macro (kbd "TAB"))
      (drive-wait "the accept command's answer" 10 (lambda () codewhisperer-eglot-last-accept))
      (drive-step "accept" :before before :after (buffer-string) :inserted shown
                  :visible (codewhisperer-eglot-visible-p) :result codewhisperer-eglot-last-accept)))
  ;; Pause / resume through workspace/executeCommand.
  (let (paused resumed)
    (codewhisperer-eglot-execute "codewhisperer.pauseAutoSuggestions" [] (lambda (r) (setq paused r)))
    (drive-wait "pause" 10 (lambda () paused))
    (codewhisperer-eglot-execute "codewhisperer.resumeAutoSuggestions" [] (lambda (r) (setq resumed r)))
    (drive-wait "resume" 10 (lambda () resumed))
    (drive-step "pause" :pause paused :resume resumed))
  ;; A security scan: the findings come back as Flymake diagnostics.
  (drive-connect (drive-write "risky.py" "import subprocess\n\n\ndef run(command):\n    return subprocess.call(command, shell=True)\n"))
  (codewhisperer-eglot-security-scan)
  (drive-wait "the scan summary" 60 (lambda () codewhisperer-eglot-last-scan))
  (let ((diagnostics (drive-wait "flymake diagnostics" 20
                                 (lambda () (flymake-start) (flymake-diagnostics)))))
    (drive-step "scan" :summary codewhisperer-eglot-last-scan
                :diagnostics (vconcat (mapcar (lambda (d) (list :line (line-number-at-pos (flymake-diagnostic-beg d))
                                                                :text (flymake-diagnostic-text d)))
                                              diagnostics))))
  ;; The reference log buffer (the history from codewhisperer/getReferenceLog).
  (let ((buffer (codewhisperer-eglot-reference-log)))
    (drive-wait "the reference log history" 10
                (lambda () (with-current-buffer buffer (string-match-p "seeded entry" (buffer-string)))))
    (drive-step "reference log" :text (with-current-buffer buffer (buffer-string)))))

(let ((error-message nil))
  (condition-case err
      (drive)
    (error (setq error-message (error-message-string err))))
  (with-temp-file (getenv "CW_RESULT")
    (insert (json-encode (list :steps (vconcat (reverse drive-result)) :error error-message))))
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs (if error-message 1 0)))
