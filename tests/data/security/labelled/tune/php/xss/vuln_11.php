<?php
$label = $_GET['label'];
$amount = 5;
printf("<p>%s: %d</p>", $label, $amount);
