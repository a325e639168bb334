<?php
$tainted = $_GET['n'];
$n = filter_var($tainted, FILTER_VALIDATE_INT);
if ($n !== false) {
    system("seq " . $n);
}
