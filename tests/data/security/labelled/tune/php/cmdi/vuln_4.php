<?php
$tainted = $_GET['n'];
$n = filter_var($tainted, FILTER_UNSAFE_RAW);
system("seq " . $n);
