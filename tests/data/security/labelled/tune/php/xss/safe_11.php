<?php
$label = 'Total';
$amount = $_GET['amount'];
printf("<p>%s: %d</p>", $label, $amount);
